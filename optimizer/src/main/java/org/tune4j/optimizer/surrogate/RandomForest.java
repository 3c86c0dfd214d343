package org.tune4j.optimizer.surrogate;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.Parameter;

/**
 * Random forest regression (Breiman 2001) as scikit-optimize's {@code forest_minimize(base_estimator="RF")}:
 * each tree is grown on a bootstrap sample with the best split over all features; variance after
 * Hutter et al. 2014 (see {@link RegressionForest}).
 */
public final class RandomForest extends RegressionForest {

    public RandomForest(Settings settings, RandomGenerator rng) {
        super(settings, rng);
    }

    @Override
    int[] samplesFor(int n, RandomGenerator rng) {
        int[] samples = new int[n];
        for (int i = 0; i < n; i++) {
            samples[i] = rng.nextInt(n);
        }
        return samples;
    }

    @Override
    RegressionTree.Growth growth(int minSamplesLeaf) {
        return new RegressionTree.Growth(minSamplesLeaf, 0, false);
    }

    /** The registration: parameters trees and min_leaf ({@link RegressionForest#PARAMETERS}). */
    public record Factory() implements SurrogateFactory {
        @Override
        public String name() {
            return "forest";
        }

        @Override
        public String description() {
            return "random forest on bootstrap samples (forest_minimize RF; Breiman 2001)";
        }

        @Override
        public List<Parameter> parameters() {
            return PARAMETERS;
        }

        @Override
        public Surrogate create(Map<String, Double> parameters, RandomGenerator rng) {
            return new RandomForest(Settings.of(parameters), rng);
        }
    }
}
