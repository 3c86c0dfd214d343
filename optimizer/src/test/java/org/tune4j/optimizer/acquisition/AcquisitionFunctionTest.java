package org.tune4j.optimizer.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Closed-form anchors (STYLE.md) and the partial derivatives against central differences. */
class AcquisitionFunctionTest {

    @Test
    void closedFormAnchors() {
        assertThat(new ExpectedImprovement(0).utility(0, 1, -0.5)).isCloseTo(0.1977966, within(1e-7));
        assertThat(new ProbabilityOfImprovement(0).utility(0, 1, -0.5)).isCloseTo(0.308538, within(1e-6));
        LowerConfidenceBound lcb = new LowerConfidenceBound(0.3);
        assertThat(lcb.bound(0, 1)).isCloseTo(-0.3, within(1e-15));
        assertThat(lcb.utility(0, 1, -0.5)).isCloseTo(0.3, within(1e-15)); // utility = -bound, maximized
    }

    @Test
    void xiShiftsTheImprovementThreshold() {
        // EI(mean, xi) equals EI(mean + xi, 0)
        assertThat(new ExpectedImprovement(0.2).utility(0.1, 0.7, 0.4))
                .isCloseTo(new ExpectedImprovement(0).utility(0.3, 0.7, 0.4), within(1e-15));
        assertThat(new ProbabilityOfImprovement(0.2).utility(0.1, 0.7, 0.4))
                .isCloseTo(new ProbabilityOfImprovement(0).utility(0.3, 0.7, 0.4), within(1e-15));
    }

    @Test
    void zeroStdFallsBackToDeterministicImprovement() {
        assertThat(new ExpectedImprovement(0).utility(1.0, 0, 1.5)).isEqualTo(0.5);
        assertThat(new ExpectedImprovement(0).utility(2.0, 0, 1.5)).isEqualTo(0.0);
        assertThat(new ProbabilityOfImprovement(0).utility(1.0, 0, 1.5)).isEqualTo(1.0);
        assertThat(new ProbabilityOfImprovement(0).utility(2.0, 0, 1.5)).isEqualTo(0.0);
    }

    @Test
    void sensitivitiesMatchCentralDifferences() {
        double h = 1e-6;
        for (AcquisitionFunction f : List.of(new ExpectedImprovement(0.01), new ProbabilityOfImprovement(0.01),
                new LowerConfidenceBound(1.96), new PosteriorMean())) {
            for (double[] at : new double[][] {{0.3, 0.8, 0.1}, {-1.2, 0.2, -0.9}, {2.0, 1.5, 0.0}}) {
                double m = at[0];
                double s = at[1];
                double best = at[2];
                AcquisitionFunction.Sensitivity sens = f.sensitivity(m, s, best);
                double dm = (f.utility(m + h, s, best) - f.utility(m - h, s, best)) / (2 * h);
                double ds = (f.utility(m, s + h, best) - f.utility(m, s - h, best)) / (2 * h);
                assertThat(sens.utility()).as(f.toString()).isEqualTo(f.utility(m, s, best));
                assertThat(sens.dMean()).as(f + " dMean").isCloseTo(dm, within(1e-6));
                assertThat(sens.dStd()).as(f + " dStd").isCloseTo(ds, within(1e-6));
            }
        }
    }

    @Test
    void rejectsNegativeParameters() {
        assertThatThrownBy(() -> new ExpectedImprovement(-0.1)).hasMessageContaining("xi >= 0")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new LowerConfidenceBound(Double.NaN)).hasMessageContaining("kappa");
    }

    @Test
    void hedgeProbabilitiesFollowGains() {
        GpHedge hedge = GpHedge.standard(0.01, 1.96, 1.0);
        assertThat(hedge.probabilities()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-12));
        hedge.reward(new double[] {-1.0, 0.0, 1.0}); // gains become [1, 0, -1]
        double[] p = hedge.probabilities();
        double z = Math.exp(1) + 1 + Math.exp(-1);
        assertThat(p).containsExactly(new double[] {Math.exp(1) / z, 1 / z, Math.exp(-1) / z}, within(1e-12));
        int[] counts = new int[3];
        var rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            counts[hedge.choose(rng)]++;
        }
        assertThat(counts[0] / 20_000.0).isCloseTo(p[0], within(0.02));
        assertThat(counts[2] / 20_000.0).isCloseTo(p[2], within(0.02));
    }
}
