package org.tune4j.optimizer.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForestTest {

    private static double f(double x) {
        return (6 * x - 2) * (6 * x - 2) * Math.sin(12 * x - 4); // Forrester et al. 2008
    }

    @Test
    void forestsFitAOneDimensionalFunction() {
        SplittableRandom data = new SplittableRandom(5);
        int n = 200;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {data.nextDouble()};
            y[i] = f(x[i][0]);
        }
        for (RegressionForest forest : List.of(
                new RandomForest(RegressionForest.Settings.defaults(), new SplittableRandom(1)),
                new ExtraTrees(RegressionForest.Settings.defaults(), new SplittableRandom(1)))) {
            forest.fit(x, y);
            double squaredError = 0;
            double argmin = -1;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 50; k++) {
                double q = (k + 0.5) / 50;
                Prediction p = forest.predict(new double[] {q});
                if (p.mean() < min) {
                    min = p.mean();
                    argmin = q;
                }
                squaredError += (p.mean() - f(q)) * (p.mean() - f(q));
                assertThat(p.std()).isFinite().isGreaterThanOrEqualTo(0);
            }
            double rmse = Math.sqrt(squaredError / 50);
            assertThat(rmse).as(forest.getClass().getSimpleName()).isLessThan(1.0); // f spans about [-6, 16]
            // the forest predicts its lowest value near the Forrester function's minimum (x ≈ 0.757)
            assertThat(argmin).isCloseTo(0.757, within(0.05));
        }
    }

    @Test
    void varianceCombinesTreesAndLeaves() {
        // two clusters with different spread: the forest is less sure where targets vary
        double[][] x = new double[40][];
        double[] y = new double[40];
        SplittableRandom data = new SplittableRandom(2);
        for (int i = 0; i < 40; i++) {
            boolean left = i < 20;
            x[i] = new double[] {left ? 0.1 * data.nextDouble() : 0.9 + 0.1 * data.nextDouble()};
            y[i] = left ? 1.0 : 5 * data.nextGaussian();
        }
        RegressionForest forest = new ExtraTrees(new RegressionForest.Settings(50, 3), new SplittableRandom(3));
        forest.fit(x, y);
        Prediction quiet = forest.predict(new double[] {0.05});
        Prediction noisy = forest.predict(new double[] {0.95});
        assertThat(quiet.mean()).isCloseTo(1.0, within(0.1));
        assertThat(noisy.std()).isGreaterThan(1.0).isGreaterThan(5 * quiet.std());
    }
}
