package org.tune4j.optimizer.surrogate;

import java.util.SplittableRandom;

/**
 * The shared fixture of the GP conditioning tests: a smooth function of three unit-cube
 * coordinates, seeded random points, and a GP fitted to the function at such points.
 */
final class SmoothFunctionFits {

    private SmoothFunctionFits() {
    }

    static double f(double[] x) {
        return Math.sin(6 * x[0]) + 0.5 * Math.cos(4 * x[1]) + 0.1 * x[2];
    }

    /** {@code n} points uniform in [0, 1]^3 from the given seed. */
    static double[][] points(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
        }
        return x;
    }

    /** {@link #f} at each point. */
    static double[] values(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f(x[i]);
        }
        return y;
    }

    /** A GP (default settings, one restart, seed 1) fitted to {@link #f} at {@code x}. */
    static GaussianProcess fitted(double[][] x) {
        GaussianProcess gp = new GaussianProcess(GaussianProcess.Settings.defaults().withRestarts(1),
                new SplittableRandom(1));
        gp.fit(x, values(x));
        return gp;
    }
}
