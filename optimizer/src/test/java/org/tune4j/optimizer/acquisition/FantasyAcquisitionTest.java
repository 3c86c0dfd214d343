package org.tune4j.optimizer.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.surrogate.FantasyPosterior;
import org.tune4j.optimizer.surrogate.FantasyPosterior.Fantasized;
import org.tune4j.optimizer.surrogate.GaussianProcess;
import org.tune4j.optimizer.surrogate.Prediction;

/**
 * The fantasy-averaged acquisition against independent references: the expectation over one
 * pending outcome computed by quadrature (each node re-conditions the GP), plain EI of the GP
 * conditioned on a known outcome when the pending outcome has (almost) no variance, and central
 * differences for the gradient.
 */
class FantasyAcquisitionTest {
    private static final ExpectedImprovement EI = new ExpectedImprovement(0.0);

    private static double[][] points(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
        }
        return x;
    }

    private static GaussianProcess gpOn(double[][] x, GaussianProcess.Settings settings) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(7 * x[i][0]) + x[i][1] * x[i][1];
        }
        GaussianProcess gp = new GaussianProcess(settings, new SplittableRandom(4));
        gp.fit(x, y);
        return gp;
    }

    @Test
    void theAverageOverOnePendingOutcomeIsItsExpectationWithinMonteCarloError() {
        GaussianProcess gp = gpOn(points(12, 2), GaussianProcess.Settings.defaults().withRestarts(1));
        double[][] pending = {{0.45, 0.3}};
        Prediction atPending = gp.predict(pending[0]);
        double sd = Math.sqrt(atPending.std() * atPending.std() + gp.noiseVariance()); // of the outcome y_p
        double best = atPending.mean(); // about half the fantasies lower the incumbent
        int samples = 4_000;
        FantasyPosterior posterior = FantasyPosterior.of(gp, pending, samples, new SplittableRandom(8)).orElseThrow();
        FantasyAcquisition acquisition = new FantasyAcquisition(posterior);
        for (double[] x : new double[][] {{0.5, 0.35}, {0.4, 0.2}, {0.9, 0.9}}) {
            // reference: ∫ φ(z) EI(μ_y(x), σ_y(x), min(best, y)) dz, y = μ_p + sd z, by the trapezoid rule
            double expectation = 0;
            double h = 0.02;
            for (double z = -8; z <= 8 + 1e-9; z += h) {
                double y = atPending.mean() + sd * z;
                Prediction p = gp.conditionedOn(pending, new double[] {y}).orElseThrow().predict(x);
                double weight = Math.abs(Math.abs(z) - 8) < 1e-9 ? 0.5 : 1;
                expectation += weight * h * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI)
                        * EI.utility(p.mean(), p.std(), Math.min(best, y));
            }
            double[] each = perFantasy(posterior, x, best);
            double mean = 0;
            double squares = 0;
            for (double u : each) {
                mean += u / samples;
            }
            for (double u : each) {
                squares += (u - mean) * (u - mean) / (samples - 1);
            }
            double monteCarloError = Math.sqrt(squares / samples);
            double averaged = acquisition.utilities(EI, best, new double[][] {x})[0];
            assertThat(averaged).isCloseTo(mean, within(1e-12));
            assertThat(averaged).as("at (%s, %s)", x[0], x[1])
                    .isCloseTo(expectation, within(4 * monteCarloError + 1e-9));
            assertThat(expectation).isGreaterThan(0);
        }
    }

    @Test
    void withAnOutcomeOfNoVarianceItIsPlainEiOfTheGpConditionedOnThatOutcome() {
        // noise fixed at 1e-10 and the pending point on top of an observation: the outcome is known
        GaussianProcess.Settings noiseless = new GaussianProcess.Settings(1, 0.01, 1000, 0.01, 100, 1e-10, 1e-10,
                200, 200);
        double[][] x = points(12, 2);
        GaussianProcess gp = gpOn(x, noiseless);
        double[][] pending = {x[3]};
        double known = gp.predict(x[3]).mean();
        double best = known + 0.2; // the pending outcome lowers the incumbent in every fantasy
        FantasyPosterior posterior = FantasyPosterior.of(gp, pending, 16, new SplittableRandom(8)).orElseThrow();
        for (int m = 0; m < 16; m++) {
            assertThat(posterior.outcomes(m)[0]).isCloseTo(known, within(1e-4));
        }
        GaussianProcess conditioned = (GaussianProcess) gp.conditionedOn(pending, new double[] {known}).orElseThrow();
        FantasyAcquisition acquisition = new FantasyAcquisition(posterior);
        for (double[] at : points(20, 9)) {
            Prediction p = conditioned.predict(at);
            assertThat(acquisition.utilities(EI, best, new double[][] {at})[0])
                    .isCloseTo(EI.utility(p.mean(), p.std(), Math.min(best, known)), within(1e-4));
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        GaussianProcess gp = gpOn(points(12, 2), GaussianProcess.Settings.defaults().withRestarts(1));
        FantasyPosterior posterior = FantasyPosterior.of(gp, points(3, 5), 8, new SplittableRandom(8)).orElseThrow();
        FantasyAcquisition acquisition = new FantasyAcquisition(posterior);
        double best = -0.5;
        double h = 1e-6;
        for (AcquisitionFunction f : new AcquisitionFunction[] {new ExpectedImprovement(0.01),
                new LowerConfidenceBound(1.96)}) {
            for (double[] at : points(6, 21)) {
                double[] g = new double[2];
                double u = acquisition.utilityAndGradient(f, best, at, g);
                assertThat(u).isCloseTo(acquisition.utilities(f, best, new double[][] {at})[0], within(1e-12));
                for (int k = 0; k < 2; k++) {
                    double[] plus = at.clone();
                    double[] minus = at.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    double fd = (acquisition.utilities(f, best, new double[][] {plus})[0]
                            - acquisition.utilities(f, best, new double[][] {minus})[0]) / (2 * h);
                    assertThat(g[k]).as("%s ∂/∂x%d at (%s, %s)", f, k, at[0], at[1])
                            .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
                }
            }
        }
    }

    /** EI of each fantasy at x, computed here from the fantasy means and outcomes. */
    private static double[] perFantasy(FantasyPosterior posterior, double[] x, double best) {
        Fantasized at = posterior.predict(new double[][] {x})[0];
        double[] out = new double[posterior.samples()];
        for (int m = 0; m < out.length; m++) {
            out[m] = EI.utility(at.means()[m], at.std(), Math.min(best, posterior.outcomes(m)[0]));
        }
        return out;
    }
}
