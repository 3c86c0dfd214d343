package org.tune4j.optimizer.surrogate;

import java.util.random.RandomGenerator;

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
}
