package org.tune4j.optimizer.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tune4j.optimizer.surrogate.SmoothFunctionFits.fitted;
import static org.tune4j.optimizer.surrogate.SmoothFunctionFits.points;
import static org.tune4j.optimizer.surrogate.SmoothFunctionFits.values;

import org.junit.jupiter.api.Test;

class GaussianProcessConditioningTest {

    @Test
    void aKrigingBelieverLieLeavesTheMeanUnchangedAndShrinksTheStdThere() {
        GaussianProcess gp = fitted(points(25, 3));
        double[][] pending = points(3, 99);
        double[] beliefs = new double[pending.length];
        for (int i = 0; i < pending.length; i++) {
            beliefs[i] = gp.predict(pending[i]).mean();
        }
        Surrogate believer = gp.conditionedOn(pending, beliefs).orElseThrow();
        for (double[] x : points(50, 7)) {
            assertThat(believer.predict(x).mean()).isCloseTo(gp.predict(x).mean(), within(1e-10));
            assertThat(believer.predict(x).std()).isLessThanOrEqualTo(gp.predict(x).std() + 1e-12);
        }
        for (double[] x : pending) {
            assertThat(believer.predict(x).std()).isLessThan(0.5 * gp.predict(x).std());
        }
    }

    @Test
    void conditioningOnTheObservationsThemselvesEqualsTheClosedFormPosterior() {
        double[][] x = points(20, 4);
        GaussianProcess gp = fitted(x);
        double[][] more = points(4, 5);
        double[] y = values(more);
        Surrogate conditioned = gp.conditionedOn(more, y).orElseThrow();
        // independent reference: mean = k*ᵀ (K + s² I)⁻¹ y over all 24 points, same kernel, same normalization
        int n = x.length + more.length;
        double[][] all = new double[n][];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(more, 0, all, x.length, more.length);
        double[] yAll = values(all);
        double yMean = 0;
        for (double v : values(x)) {
            yMean += v / x.length;
        }
        // the first fit normalized targets by the mean and population std of its own 20 values
        Matern52Kernel k = gp.kernel();
        double noise = gp.noise() + LogMarginalLikelihood.EPSILON;
        double[][] kk = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                kk[p][q] = k.value(all[p], all[q]) + (p == q ? noise : 0);
            }
        }
        org.apache.commons.math3.linear.DecompositionSolver solver = new org.apache.commons.math3.linear
                .LUDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(kk)).getSolver();
        double scale = Math.sqrt(variance(values(x), yMean));
        double[] yNormalized = new double[n];
        for (int i = 0; i < n; i++) {
            yNormalized[i] = (yAll[i] - yMean) / scale;
        }
        double[] alpha = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(yNormalized)).toArray();
        for (double[] t : points(10, 8)) {
            double mean = 0;
            for (int p = 0; p < n; p++) {
                mean += k.value(t, all[p]) * alpha[p];
            }
            assertThat(conditioned.predict(t).mean()).isCloseTo(yMean + scale * mean, within(1e-8));
        }
    }

    @Test
    void conditioningInOneStepOrTwoGivesTheSamePredictions() {
        GaussianProcess gp = fitted(points(15, 6));
        double[][] more = points(4, 9);
        double[] y = values(more);
        Surrogate once = gp.conditionedOn(more, y).orElseThrow();
        Surrogate twice = gp.conditionedOn(new double[][] {more[0], more[1]}, new double[] {y[0], y[1]})
                .orElseThrow().conditionedOn(new double[][] {more[2], more[3]}, new double[] {y[2], y[3]})
                .orElseThrow();
        for (double[] x : points(20, 10)) {
            assertThat(twice.predict(x)).isEqualTo(once.predict(x));
        }
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double a : v) {
            s += (a - mean) * (a - mean);
        }
        return s / v.length;
    }
}
