package org.tune4j.tuner.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.ConvAlgorithm;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The spellings the command line accepts for each enum (case-insensitive), and the picocli
 * converters and completion candidates built from them. (The optimizer's choices are not here:
 * they come from its registries, see {@link OptimizerOptions}.)
 */
final class Choices {
    private Choices() {
    }

    private static <E> Map<String, E> of(Object... pairs) {
        Map<String, E> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            E value = (E) pairs[i + 1];
            m.put((String) pairs[i], value);
        }
        return m;
    }

    static final Map<String, KernelMode> KERNELS = of("scalar", KernelMode.SCALAR, "simd", KernelMode.SIMD);

    /** The convolution algorithms; auto (null) is {@link ConvAlgorithm#fastest} for each layer. */
    static final Map<String, ConvAlgorithm> CONVS = of("auto", null, "direct", ConvAlgorithm.DIRECT,
            "im2col", ConvAlgorithm.IM2COL, "indirect-taps", ConvAlgorithm.INDIRECT_TAPS,
            "indirect-channels", ConvAlgorithm.INDIRECT_CHANNELS, "winograd", ConvAlgorithm.WINOGRAD,
            "winograd-4x4", ConvAlgorithm.WINOGRAD_4X4);

    static <E> E parse(Map<String, E> choices, String text) {
        for (Map.Entry<String, E> e : choices.entrySet()) {
            if (e.getKey().equalsIgnoreCase(text.strip())) {
                return e.getValue();
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", choices.keySet()) + ", found '"
                + text + "'");
    }

    /** Completion candidates (also shown by --help through ${COMPLETION-CANDIDATES}). */
    abstract static class Candidates implements Iterable<String> {
        private final List<String> names;

        Candidates(Map<String, ?> choices) {
            names = List.copyOf(choices.keySet());
        }

        @Override
        public Iterator<String> iterator() {
            return names.iterator();
        }
    }

    static final class KernelConverter implements ITypeConverter<KernelMode> {
        public KernelMode convert(String s) { return parse(KERNELS, s); }
    }

    static final class KernelNames extends Candidates {
        KernelNames() { super(KERNELS); }
    }

    static final class ConvConverter implements ITypeConverter<ConvAlgorithm> {
        public ConvAlgorithm convert(String s) { return parse(CONVS, s); }
    }

    static final class ConvNames extends Candidates {
        ConvNames() { super(CONVS); }
    }
}
