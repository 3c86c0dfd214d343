package org.tune4j.optimizer.surrogate;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * No model: every ask after the initial design is a random draw from the priors, as
 * scikit-optimize's {@code dummy_minimize} (the baseline every surrogate should beat).
 */
public record RandomSearch() implements SurrogateFactory {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "no model: random search, the baseline (dummy_minimize)";
    }

    @Override
    public boolean buildsModel() {
        return false;
    }

    @Override
    public Surrogate create(Map<String, Double> parameters, RandomGenerator rng) {
        throw new IllegalStateException("random search has no surrogate to create");
    }
}
