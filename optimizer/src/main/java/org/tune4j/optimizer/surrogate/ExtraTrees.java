package org.tune4j.optimizer.surrogate;

import java.util.random.RandomGenerator;

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
}
