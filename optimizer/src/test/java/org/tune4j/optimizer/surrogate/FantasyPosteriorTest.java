package org.tune4j.optimizer.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tune4j.optimizer.surrogate.SmoothFunctionFits.fitted;
import static org.tune4j.optimizer.surrogate.SmoothFunctionFits.points;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.surrogate.FantasyPosterior.Fantasized;
import org.tune4j.optimizer.surrogate.FantasyPosterior.FantasizedGradient;

/**
 * {@link FantasyPosterior} against independent references: each fantasy's mean against the GP
 * re-conditioned on that fantasy's outcomes ({@link GaussianProcess#conditionedOn}, a separate
 * factorization), the draws' moments against the predictive distribution, the spread of the
 * fantasy means against the law of total variance, the gradients against central differences.
 */
class FantasyPosteriorTest {

    @Test
    void eachFantasyIsTheGpConditionedOnItsOutcomesWithOneSharedStd() {
        GaussianProcess gp = fitted(points(20, 3));
        double[][] pending = points(3, 99);
        FantasyPosterior fantasies = FantasyPosterior.of(gp, pending, 8, new SplittableRandom(5)).orElseThrow();
        double[][] xs = points(40, 7);
        Fantasized[] at = fantasies.predict(xs);
        for (int m = 0; m < fantasies.samples(); m++) {
            Surrogate reference = gp.conditionedOn(pending, fantasies.outcomes(m)).orElseThrow();
            for (int j = 0; j < xs.length; j++) {
                Prediction p = reference.predict(xs[j]);
                assertThat(at[j].means()[m]).isCloseTo(p.mean(), within(1e-9));
                assertThat(at[j].std()).isCloseTo(p.std(), within(1e-9));
                FantasizedGradient g = fantasies.predictWithGradient(xs[j]);
                assertThat(g.means()[m]).isCloseTo(p.mean(), within(1e-9));
                assertThat(g.std()).isCloseTo(p.std(), within(1e-9));
            }
        }
    }

    @Test
    void theOutcomesAreDrawnFromThePredictiveDistributionAndTheMeansSpreadByTheVarianceTheyRemove() {
        GaussianProcess gp = fitted(points(15, 3));
        double[][] pending = {{0.3, 0.6, 0.5}};
        int samples = 20_000;
        FantasyPosterior fantasies = FantasyPosterior.of(gp, pending, samples, new SplittableRandom(11))
                .orElseThrow();
        Prediction atPending = gp.predict(pending[0]);
        double variance = atPending.std() * atPending.std() + gp.noiseVariance(); // of an outcome y_p
        double sum = 0;
        double squares = 0;
        for (int m = 0; m < samples; m++) {
            double y = fantasies.outcomes(m)[0];
            sum += y;
            squares += (y - atPending.mean()) * (y - atPending.mean());
        }
        double sd = Math.sqrt(variance);
        assertThat(sum / samples).isCloseTo(atPending.mean(), within(5 * sd / Math.sqrt(samples)));
        // the sample variance about the true mean has relative sd sqrt(2 / M) = 1%
        assertThat(squares / samples).isCloseTo(variance, within(0.05 * variance));

        // law of total variance: Var_m[μ_m(x)] = σ²(x) - σ_c²(x), E_m[μ_m(x)] = μ(x)
        double[] x = {0.35, 0.55, 0.45};
        Fantasized at = fantasies.predict(new double[][] {x})[0];
        Prediction before = gp.predict(x);
        double removed = before.std() * before.std() - at.std() * at.std();
        double meanOfMeans = 0;
        double spread = 0;
        for (double mu : at.means()) {
            meanOfMeans += mu / samples;
            spread += (mu - before.mean()) * (mu - before.mean()) / samples;
        }
        assertThat(removed).isGreaterThan(0.1 * before.std() * before.std()); // x is near the pending point
        assertThat(meanOfMeans).isCloseTo(before.mean(), within(5 * Math.sqrt(removed / samples)));
        assertThat(spread).isCloseTo(removed, within(0.05 * removed));
    }

    @Test
    void gradientsMatchCentralDifferences() {
        GaussianProcess gp = fitted(points(20, 3));
        FantasyPosterior fantasies = FantasyPosterior.of(gp, points(2, 99), 4, new SplittableRandom(5)).orElseThrow();
        double h = 1e-6;
        for (double[] x : points(5, 13)) {
            FantasizedGradient g = fantasies.predictWithGradient(x);
            for (int i = 0; i < x.length; i++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += h;
                minus[i] -= h;
                Fantasized p = fantasies.predict(new double[][] {plus})[0];
                Fantasized q = fantasies.predict(new double[][] {minus})[0];
                double fdStd = (p.std() - q.std()) / (2 * h);
                assertThat(g.dStd()[i]).isCloseTo(fdStd, within(1e-5 * Math.max(1, Math.abs(fdStd))));
                for (int m = 0; m < fantasies.samples(); m++) {
                    double fd = (p.means()[m] - q.means()[m]) / (2 * h);
                    assertThat(g.dMeans()[m][i]).as("∂μ_%d/∂x%d", m, i)
                            .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
                }
            }
        }
    }

    @Test
    void theDrawsAreDeterminedByTheGenerator() {
        GaussianProcess gp = fitted(points(20, 3));
        double[][] pending = points(3, 99);
        FantasyPosterior a = FantasyPosterior.of(gp, pending, 4, new SplittableRandom(5)).orElseThrow();
        FantasyPosterior b = FantasyPosterior.of(gp, pending, 4, new SplittableRandom(5)).orElseThrow();
        FantasyPosterior c = FantasyPosterior.of(gp, pending, 4, new SplittableRandom(6)).orElseThrow();
        for (int m = 0; m < 4; m++) {
            assertThat(a.outcomes(m)).containsExactly(b.outcomes(m));
            assertThat(a.outcomes(m)).doesNotContain(c.outcomes(m)[0]);
        }
    }
}
