package org.tune4j.optimizer.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The analytic gradient of R&W eq. 5.9 against central finite differences in double precision. */
class LogMarginalLikelihoodTest {

    @Test
    void analyticGradientMatchesCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 12;
        int d = 3;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextDouble();
            }
            y[i] = Math.sin(5 * x[i][0]) + x[i][1] * x[i][2] + 0.1 * rng.nextGaussian();
        }
        LogMarginalLikelihood lml = new LogMarginalLikelihood(x, y);
        for (double[] theta : new double[][] {{0, 0, 0, 0, 0}, {0.7, -1.2, 0.4, -2.0, -3.0}, {-1, 1, -0.5, 0.3, -8}}) {
            double[] g = new double[d + 2];
            double value = lml.evaluate(theta, g);
            assertThat(value).isFinite();
            for (int k = 0; k < d + 2; k++) {
                double h = 1e-5;
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[k] += h;
                minus[k] -= h;
                double fd = (lml.value(plus) - lml.value(minus)) / (2 * h);
                assertThat(g[k]).as("∂/∂θ_%d at %s", k, java.util.Arrays.toString(theta))
                        .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
            }
        }
    }

    @Test
    void valueMatchesTheDirectFormulaForOnePoint() {
        // n = 1: K = c + s² + ε; log p = -y²/(2K) - ½ log K - ½ log 2π
        LogMarginalLikelihood lml = new LogMarginalLikelihood(new double[][] {{0.3}}, new double[] {1.5});
        double c = Math.exp(0.5);
        double s2 = Math.exp(-1);
        double k = c + s2 + LogMarginalLikelihood.EPSILON;
        double expected = -1.5 * 1.5 / (2 * k) - 0.5 * Math.log(k) - 0.5 * Math.log(2 * Math.PI);
        assertThat(lml.value(new double[] {0.5, 0.0, -1})).isCloseTo(expected, within(1e-12));
    }
}
