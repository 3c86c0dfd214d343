package org.tune4j.optimizer.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tune4j.optimizer.Parameter;

/**
 * Which pruner a study uses and its parameters by name: immutable, the values checked against the
 * factory's declared {@link Parameter}s and completed with their defaults in the compact
 * constructor (as {@link org.tune4j.optimizer.OptimizerConfig} does for surrogates).
 *
 * @param pruner     the rule
 * @param parameters values of its parameters, by name (missing ones take defaults)
 */
public record PrunerConfig(PrunerFactory pruner, Map<String, Double> parameters) {

    public PrunerConfig {
        Objects.requireNonNull(pruner, "PrunerConfig: pruner");
        parameters = Parameter.resolve("pruner " + pruner.name(), pruner.parameters(),
                parameters == null ? Map.of() : parameters);
    }

    /** No pruning (the tutorial's default). */
    public static PrunerConfig none() {
        return new PrunerConfig(new NoPruner(), Map.of());
    }

    /** True unless the pruner is {@link NoPruner}. */
    public boolean prunes() {
        return !(pruner instanceof NoPruner);
    }

    /** One parameter set (it must be one the pruner declares). */
    public PrunerConfig withParameter(String name, double value) {
        Map<String, Double> out = new LinkedHashMap<>(parameters);
        out.put(name, value);
        return new PrunerConfig(pruner, out);
    }

    /** The study's pruner. */
    public Pruner create(long seed, int maxSteps) {
        return pruner.create(parameters, seed, maxSteps);
    }
}
