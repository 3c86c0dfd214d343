package org.tune4j.optimizer.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.GaussianProcess;
import org.tune4j.optimizer.surrogate.Prediction;

class AcquisitionOptimizerTest {

    private static GaussianProcess gpOn(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(7 * x[i][0]) + (x[i].length > 1 ? x[i][1] * x[i][1] : 0);
        }
        GaussianProcess gp = new GaussianProcess(GaussianProcess.Settings.defaults().withRestarts(1),
                new SplittableRandom(4));
        gp.fit(x, y);
        return gp;
    }

    @Test
    void acquisitionGradientsThroughTheGpMatchCentralDifferences() {
        GaussianProcess gp = gpOn(new double[][] {{0.1, 0.2}, {0.4, 0.9}, {0.8, 0.3}, {0.55, 0.5}, {0.3, 0.6}});
        double best = -0.5;
        double h = 1e-6;
        for (AcquisitionFunction f : List.of(new ExpectedImprovement(0.01), new ProbabilityOfImprovement(0.01),
                new LowerConfidenceBound(1.96))) {
            for (double[] at : new double[][] {{0.2, 0.45}, {0.7, 0.75}, {0.95, 0.05}}) {
                double[] g = new double[2];
                double u = AcquisitionOptimizer.utilityAndGradient(gp, f, best, at, g);
                Prediction p = gp.predict(at);
                assertThat(u).isCloseTo(f.utility(p.mean(), p.std(), best), within(1e-12));
                for (int k = 0; k < 2; k++) {
                    double[] plus = at.clone();
                    double[] minus = at.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    Prediction pp = gp.predict(plus);
                    Prediction pm = gp.predict(minus);
                    double fd = (f.utility(pp.mean(), pp.std(), best) - f.utility(pm.mean(), pm.std(), best)) / (2 * h);
                    assertThat(g[k]).as("%s ∂/∂x%d at (%s, %s)", f, k, at[0], at[1])
                            .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
                }
            }
        }
    }

    @Test
    void refinementNeverLosesToTheBestRandomCandidate() {
        Space space = new Space(List.of(new RealDimension("a", 0, 1), new RealDimension("b", 0, 1)));
        GaussianProcess gp = gpOn(new double[][] {{0.1, 0.2}, {0.4, 0.9}, {0.8, 0.3}, {0.55, 0.5}});
        AcquisitionFunction ei = new ExpectedImprovement(0.01);
        for (long seed = 0; seed < 5; seed++) {
            double plain = new AcquisitionOptimizer(200, 0)
                    .maximize(space, gp, ei, -0.6, Set.of(), new SplittableRandom(seed)).orElseThrow().utility();
            double refined = new AcquisitionOptimizer(200, 5)
                    .maximize(space, gp, ei, -0.6, Set.of(), new SplittableRandom(seed)).orElseThrow().utility();
            assertThat(refined).isGreaterThanOrEqualTo(plain);
        }
    }

    @Test
    void excludedPointsAreNeverProposed() {
        Space space = new Space(List.of(new IntegerDimension("k", 0, 9)));
        double[][] x = new double[4][];
        for (int i = 0; i < 4; i++) {
            x[i] = space.toUnit(List.of(2 * i + 1));
        }
        GaussianProcess gp = gpOn(x);
        Set<List<Object>> excluded = new HashSet<>();
        AcquisitionOptimizer optimizer = new AcquisitionOptimizer(500, 5);
        for (int round = 0; round < 10; round++) {
            var p = optimizer.maximize(space, gp, new LowerConfidenceBound(1.96), 0, excluded, new SplittableRandom(round));
            assertThat(p).isPresent();
            assertThat(excluded.add(p.get().point())).as("round %d proposed %s again", round, p.get().point()).isTrue();
        }
        assertThat(optimizer.maximize(space, gp, new LowerConfidenceBound(1.96), 0, excluded, new SplittableRandom(11)))
                .isEmpty();
    }
}
