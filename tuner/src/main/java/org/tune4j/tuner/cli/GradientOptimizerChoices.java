package org.tune4j.tuner.cli;

import java.util.Iterator;
import org.tune4j.engine.optim.GradientOptimizerFactory;
import org.tune4j.tuner.registry.Registry;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --optimizer NAME}: the registered gradient optimizers (adam, sgd, or a user's own), by name. */
final class GradientOptimizerChoices {
    private static final Registry<GradientOptimizerFactory> REGISTRY = Registry.load(GradientOptimizerFactory.class,
            "gradient optimizer", GradientOptimizerFactory::name);

    /** The name of the default, Keras' and the tutorial's Adam. */
    static final String DEFAULT = "adam";

    private GradientOptimizerChoices() {
    }

    static final class Converter implements ITypeConverter<GradientOptimizerFactory> {
        @Override
        public GradientOptimizerFactory convert(String name) {
            try {
                return REGISTRY.get(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Completion candidates, shown by --help through ${COMPLETION-CANDIDATES}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return REGISTRY.names().iterator();
        }
    }
}
