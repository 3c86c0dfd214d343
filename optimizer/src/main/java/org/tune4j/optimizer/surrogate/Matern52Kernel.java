package org.tune4j.optimizer.surrogate;

/**
 * The Matern kernel with smoothness 5/2 and one length scale per input dimension, times a
 * constant amplitude (Rasmussen & Williams 2006, eq. 4.17):
 *
 * <pre>
 *   k(a, b) = c (1 + √5 r + 5/3 r²) exp(-√5 r),   r² = Σ_i ((a_i - b_i) / l_i)²
 * </pre>
 *
 * Useful derivatives, all finite at r = 0:
 * <pre>
 *   ∂k/∂a_i       = -c 5/3 (1 + √5 r) exp(-√5 r) (a_i - b_i) / l_i²
 *   ∂k/∂(log l_i) =  c 5/3 (1 + √5 r) exp(-√5 r) (a_i - b_i)² / l_i²
 *   ∂k/∂(log c)   =  k
 * </pre>
 * Immutable. The white-noise term of the GP is added by {@link GaussianProcess}, not here.
 */
public final class Matern52Kernel {
    static final double SQRT5 = Math.sqrt(5.0);

    private final double amplitude;
    private final double[] lengthScales;

    public Matern52Kernel(double amplitude, double[] lengthScales) {
        if (!(amplitude > 0)) {
            throw new IllegalArgumentException("Matern52Kernel: expected amplitude > 0, found " + amplitude);
        }
        for (int i = 0; i < lengthScales.length; i++) {
            if (!(lengthScales[i] > 0)) {
                throw new IllegalArgumentException("Matern52Kernel: expected length scale " + i + " > 0, found "
                        + lengthScales[i]);
            }
        }
        this.amplitude = amplitude;
        this.lengthScales = lengthScales.clone();
    }

    public double amplitude() {
        return amplitude;
    }

    public double[] lengthScales() {
        return lengthScales.clone();
    }

    /** The unit-amplitude profile (1 + √5 r + 5/3 r²) exp(-√5 r) as a function of r. */
    static double profile(double r) {
        return (1 + SQRT5 * r + 5.0 / 3.0 * r * r) * Math.exp(-SQRT5 * r);
    }

    /** -(1/r) d profile/dr = 5/3 (1 + √5 r) exp(-√5 r); the common factor of all derivatives. */
    static double slope(double r) {
        return 5.0 / 3.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

    /** k(a, b). */
    public double value(double[] a, double[] b) {
        return amplitude * profile(Math.sqrt(scaledSquaredDistance(a, b)));
    }

    /** Writes ∂k(a, b)/∂a into {@code out} and returns k(a, b). */
    public double valueAndGradient(double[] a, double[] b, double[] out) {
        double r = Math.sqrt(scaledSquaredDistance(a, b));
        double s = amplitude * slope(r);
        for (int i = 0; i < a.length; i++) {
            out[i] = -s * (a[i] - b[i]) / (lengthScales[i] * lengthScales[i]);
        }
        return amplitude * profile(r);
    }

    double scaledSquaredDistance(double[] a, double[] b) {
        double r2 = 0;
        for (int i = 0; i < a.length; i++) {
            double t = (a[i] - b[i]) / lengthScales[i];
            r2 += t * t;
        }
        return r2;
    }
}
