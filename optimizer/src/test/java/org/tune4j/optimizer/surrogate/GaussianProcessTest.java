package org.tune4j.optimizer.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static double f(double[] x) {
        return Math.sin(6 * x[0]) + 0.5 * Math.cos(4 * x[1]);
    }

    private static double[][] grid(int n) {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
        }
        return x;
    }

    private static GaussianProcess fitted(double[][] x, double[] y) {
        GaussianProcess gp = new GaussianProcess(GaussianProcess.Settings.defaults().withRestarts(1),
                new SplittableRandom(1));
        gp.fit(x, y);
        return gp;
    }

    @Test
    void interpolatesNoiseFreeDataAndIsSureThere() {
        double[][] x = grid(20);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f(x[i]);
        }
        GaussianProcess gp = fitted(x, y);
        assertThat(gp.noise()).isLessThan(1e-3); // fitted noise goes to its lower bound on exact data
        double[] far = {0.5, 0.5};
        double farStd = gp.predict(new double[] {0.999, 0.001}).std();
        for (int i = 0; i < x.length; i++) {
            Prediction p = gp.predict(x[i]);
            assertThat(p.mean()).isCloseTo(y[i], within(0.02));
            assertThat(p.std()).isLessThan(0.1 * farStd);
        }
        assertThat(gp.predict(far).mean()).isCloseTo(f(far), within(0.3));
    }

    @Test
    void batchedAndSinglePredictionsAgree() {
        double[][] x = grid(15);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f(x[i]) + 3;
        }
        GaussianProcess gp = fitted(x, y);
        double[][] q = {{0.1, 0.9}, {0.4, 0.4}, x[3]};
        Prediction[] batch = gp.predict(q);
        for (int i = 0; i < q.length; i++) {
            PredictionGradient pg = gp.predictWithGradient(q[i]);
            assertThat(batch[i].mean()).isCloseTo(pg.mean(), within(1e-9));
            assertThat(batch[i].std()).isCloseTo(pg.std(), within(1e-9));
        }
    }

    @Test
    void meanAndStdGradientsMatchCentralDifferences() {
        double[][] x = grid(15);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f(x[i]);
        }
        GaussianProcess gp = fitted(x, y);
        double h = 1e-6;
        for (double[] at : new double[][] {{0.13, 0.77}, {0.5, 0.52}, {0.9, 0.05}}) {
            PredictionGradient pg = gp.predictWithGradient(at);
            for (int k = 0; k < 2; k++) {
                double[] plus = at.clone();
                double[] minus = at.clone();
                plus[k] += h;
                minus[k] -= h;
                Prediction p = gp.predict(plus);
                Prediction m = gp.predict(minus);
                assertThat(pg.dMean()[k]).isCloseTo((p.mean() - m.mean()) / (2 * h), within(1e-5));
                assertThat(pg.dStd()[k]).isCloseTo((p.std() - m.std()) / (2 * h), within(1e-5));
            }
        }
    }

    @Test
    void duplicatePointsGiveFinitePredictions() {
        double[][] x = {{0.2, 0.2}, {0.2, 0.2}, {0.2, 0.2}, {0.7, 0.1}, {0.7, 0.1}};
        double[] y = {1.0, 1.1, 0.9, -0.5, -0.5};
        GaussianProcess gp = fitted(x, y);
        for (double[] q : new double[][] {{0.2, 0.2}, {0.7, 0.1}, {0.5, 0.9}}) {
            PredictionGradient p = gp.predictWithGradient(q);
            assertThat(p.mean()).isFinite();
            assertThat(p.std()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(java.util.Arrays.stream(p.dMean()).allMatch(Double::isFinite)).isTrue();
            assertThat(java.util.Arrays.stream(p.dStd()).allMatch(Double::isFinite)).isTrue();
        }
        assertThat(gp.predict(new double[] {0.2, 0.2}).mean()).isCloseTo(1.0, within(0.1));
    }

    @Test
    void constantTargetsDoNotDivideByZero() {
        double[][] x = grid(5);
        double[] y = {2, 2, 2, 2, 2};
        Prediction p = fitted(x, y).predict(new double[] {0.3, 0.3});
        assertThat(p.mean()).isCloseTo(2, within(1e-6));
        assertThat(p.std()).isFinite();
    }

    /**
     * gp_minimize's GP predicts the latent function: the fitted white noise is in K but not in the
     * predictive variance (scikit-optimize's {@code noise="gaussian"}; R&W eq. 2.24 without σ_n²).
     * Two observations at one point that disagree force a large fitted noise s²; with
     * K = [[c + s², c], [c, c + s²]] and k* = [c, c] the normalized variance there is
     * c - 2c² / (2c + s²) = c s² / (2c + s²), which is far below the noisy c s² / (2c + s²) + s².
     */
    @Test
    void predictiveStdLeavesTheFittedNoiseOut() {
        double[][] x = {{0.3, 0.6}, {0.3, 0.6}};
        double[] y = {0.0, 1.0}; // population std 0.5: the de-normalization scale
        GaussianProcess gp = fitted(x, y);
        double c = gp.kernel().amplitude();
        double s2 = gp.noise() + 1e-10; // the fixed diagonal regularization of LogMarginalLikelihood
        assertThat(gp.noise()).isGreaterThan(0.5); // the disagreement is explained as noise
        double latent = 0.5 * Math.sqrt(c * s2 / (2 * c + s2));
        double noisy = 0.5 * Math.sqrt(c * s2 / (2 * c + s2) + s2);
        Prediction p = gp.predict(x[0]);
        assertThat(p.std()).isCloseTo(latent, within(1e-9 + 1e-7 * latent));
        assertThat(noisy).isGreaterThan(5 * latent);
        assertThat(p.mean()).isCloseTo(0.5, within(1e-9)); // the mean of the two, by symmetry
        assertThat(gp.predictWithGradient(x[0]).std()).isCloseTo(latent, within(1e-9 + 1e-7 * latent));
    }

    /**
     * normalize_y: targets are standardized before the fit and predictions mapped back, so an affine
     * change of the targets y -> a y + b (a > 0) changes the predictions to a·mean + b and a·std and
     * nothing else (the same hyper-parameters are fitted from the same generator). Without the
     * standardization the amplitude bounds [0.01, 1000] would make the fit depend on a.
     */
    @Test
    void predictionsAreEquivariantUnderAnAffineChangeOfTheTargets() {
        double[][] x = grid(12);
        double[] y = new double[x.length];
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f(x[i]);
            scaled[i] = 5000 * y[i] - 7;
        }
        GaussianProcess gp = fitted(x, y);
        GaussianProcess gpScaled = fitted(x, scaled);
        assertThat(gpScaled.kernel().amplitude()).isCloseTo(gp.kernel().amplitude(), within(1e-6));
        for (double[] q : new double[][] {{0.1, 0.9}, {0.45, 0.5}, x[4]}) {
            Prediction p = gp.predict(q);
            Prediction ps = gpScaled.predict(q);
            assertThat(ps.mean()).isCloseTo(5000 * p.mean() - 7, within(1e-6 * (1 + Math.abs(ps.mean()))));
            assertThat(ps.std()).isCloseTo(5000 * p.std(), within(1e-6 * (1 + ps.std())));
        }
    }
}
