package org.tune4j.optimizer.surrogate;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.Parameter;

/**
 * Extremely randomized trees (Geurts, Ernst & Wehenkel 2006) as scikit-optimize's
 * {@code forest_minimize(base_estimator="ET")}: every tree sees all samples and each split takes
 * the best of one random threshold per feature; variance after Hutter et al. 2014 (see
 * {@link RegressionForest}).
 */
public final class ExtraTrees extends RegressionForest {

    public ExtraTrees(Settings settings, RandomGenerator rng) {
        super(settings, rng);
    }

    @Override
    int[] samplesFor(int n, RandomGenerator rng) {
        int[] samples = new int[n];
        for (int i = 0; i < n; i++) {
            samples[i] = i;
        }
        return samples;
    }

    @Override
    RegressionTree.Growth growth(int minSamplesLeaf) {
        return new RegressionTree.Growth(minSamplesLeaf, 0, true);
    }

    /** The registration: parameters trees and min_leaf ({@link RegressionForest#PARAMETERS}). */
    public record Factory() implements SurrogateFactory {
        @Override
        public String name() {
            return "extra-trees";
        }

        @Override
        public String description() {
            return "extremely randomized trees (forest_minimize ET; Geurts et al. 2006)";
        }

        @Override
        public List<Parameter> parameters() {
            return PARAMETERS;
        }

        @Override
        public Surrogate create(Map<String, Double> parameters, RandomGenerator rng) {
            return new ExtraTrees(Settings.of(parameters), rng);
        }
    }
}
