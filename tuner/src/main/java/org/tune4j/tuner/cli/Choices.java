package org.tune4j.tuner.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.optimizer.AcquisitionKind;
import org.tune4j.optimizer.InitialDesign;
import org.tune4j.optimizer.SurrogateKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The spellings the command line accepts for each enum (case-insensitive), and the picocli
 * converters and completion candidates built from them.
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

    static final Map<String, SurrogateKind> SURROGATES = of("gp", SurrogateKind.GP, "forest", SurrogateKind.RANDOM_FOREST,
            "extra-trees", SurrogateKind.EXTRA_TREES, "random", SurrogateKind.RANDOM);
    static final Map<String, AcquisitionKind> ACQUISITIONS = of("EI", AcquisitionKind.EI, "PI", AcquisitionKind.PI,
            "LCB", AcquisitionKind.LCB, "hedge", AcquisitionKind.HEDGE);
    static final Map<String, InitialDesign> DESIGNS = of("random", InitialDesign.RANDOM, "sobol", InitialDesign.SOBOL,
            "halton", InitialDesign.HALTON, "lhs", InitialDesign.LHS);
    static final Map<String, KernelMode> KERNELS = of("scalar", KernelMode.SCALAR, "simd", KernelMode.SIMD);

    static <E> E parse(Map<String, E> choices, String text) {
        for (Map.Entry<String, E> e : choices.entrySet()) {
            if (e.getKey().equalsIgnoreCase(text.strip())) {
                return e.getValue();
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", choices.keySet()) + ", found '"
                + text + "'");
    }

    static <E> String spell(Map<String, E> choices, E value) {
        for (Map.Entry<String, E> e : choices.entrySet()) {
            if (e.getValue().equals(value)) {
                return e.getKey();
            }
        }
        return String.valueOf(value).toLowerCase(Locale.ROOT);
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

    static final class SurrogateConverter implements ITypeConverter<SurrogateKind> {
        public SurrogateKind convert(String s) { return parse(SURROGATES, s); }
    }

    static final class SurrogateNames extends Candidates {
        SurrogateNames() { super(SURROGATES); }
    }

    static final class AcquisitionConverter implements ITypeConverter<AcquisitionKind> {
        public AcquisitionKind convert(String s) { return parse(ACQUISITIONS, s); }
    }

    static final class AcquisitionNames extends Candidates {
        AcquisitionNames() { super(ACQUISITIONS); }
    }

    static final class DesignConverter implements ITypeConverter<InitialDesign> {
        public InitialDesign convert(String s) { return parse(DESIGNS, s); }
    }

    static final class DesignNames extends Candidates {
        DesignNames() { super(DESIGNS); }
    }

    static final class KernelConverter implements ITypeConverter<KernelMode> {
        public KernelMode convert(String s) { return parse(KERNELS, s); }
    }

    static final class KernelNames extends Candidates {
        KernelNames() { super(KERNELS); }
    }
}
