package org.tune4j.engine.optim;

import org.tune4j.engine.spi.Providers;

/**
 * A named update rule: the extension point through which a gradient optimizer is chosen by name
 * ("adam", "sgd").
 *
 * <p><b>Adding one</b> is one class plus one line: implement {@link GradientOptimizer} and this
 * factory (public no-arg constructor), and put the factory's binary name in
 * {@code META-INF/services/org.tune4j.engine.optim.GradientOptimizerFactory}.
 *
 * <p><b>Life cycle.</b> Found by {@link #byName} (or the tuner's registry); {@link #create} is
 * called once per training run and returns a fresh optimizer, which that run alone uses. The
 * factory itself is stateless.
 */
public interface GradientOptimizerFactory {

    /** The name the CLI and records use: "adam". */
    String name();

    /** One line for --help and the docs, with the defaults of every other setting. */
    String description();

    /** A new optimizer with this learning rate and the rule's documented defaults otherwise. */
    GradientOptimizer create(double learningRate);

    /**
     * The registered factory named {@code name} (any case).
     *
     * @throws IllegalArgumentException listing the registered names when none is called so
     */
    static GradientOptimizerFactory byName(String name) {
        return Providers.byName(GradientOptimizerFactory.class, "gradient optimizer", GradientOptimizerFactory::name, name);
    }
}
