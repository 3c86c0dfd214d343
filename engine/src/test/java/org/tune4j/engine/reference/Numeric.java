package org.tune4j.engine.reference;

import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Test helpers: random arrays, central finite differences in double, and a tolerance check that names the index. */
public final class Numeric {

    /** Step of the central differences: the reference runs in double, so truncation and rounding are both ~1e-10. */
    public static final double H = 1e-6;

    private Numeric() {
    }

    /** Uniform floats in [-scale, scale). */
    public static float[] uniform(int length, double scale, SplittableRandom rng) {
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            a[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
        }
        return a;
    }

    public static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** (f(x + h e_i) - f(x - h e_i)) / 2h for every i, with x restored afterwards. */
    public static double[] centralDifferences(double[] x, ToDoubleFunction<double[]> f) {
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + H;
            double plus = f.applyAsDouble(x);
            x[i] = saved - H;
            double minus = f.applyAsDouble(x);
            x[i] = saved;
            grad[i] = (plus - minus) / (2 * H);
        }
        return grad;
    }

    /** Fails unless |actual - expected| <= absTol + relTol * |expected| everywhere; names the first bad index. */
    public static void assertClose(String what, float[] actual, int actualOff, double[] expected, double absTol, double relTol) {
        for (int i = 0; i < expected.length; i++) {
            double a = actual[actualOff + i];
            double e = expected[i];
            if (!(Math.abs(a - e) <= absTol + relTol * Math.abs(e))) {
                fail(what + "[" + i + "]: expected " + e + " (±" + (absTol + relTol * Math.abs(e)) + "), found " + a);
            }
        }
    }

    /** Sum of r_i * y_i: a scalar whose gradient with respect to y is r. */
    public static double dot(double[] r, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += r[i] * y[i];
        }
        return s;
    }
}
