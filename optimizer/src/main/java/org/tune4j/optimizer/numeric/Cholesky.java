package org.tune4j.optimizer.numeric;

/**
 * Cholesky factorization {@code A = L Lᵀ} of a symmetric positive-definite matrix, with
 * explicitly growing diagonal jitter when the matrix is numerically singular (duplicate points in
 * a Gaussian process give exactly singular kernel matrices).
 *
 * <p>Matrices are dense, row-major {@code double[n * n]}; only the lower triangle of the input is
 * read. The factor is lower triangular, stored row-major with zeros above the diagonal.
 *
 * <p>Reference: Golub & Van Loan, Matrix Computations, Alg. 4.2.1; the jitter retry follows the
 * practice of GPy / scikit-learn. It is not a general solver: no pivoting, no sparse storage.
 */
public final class Cholesky {

    /** Jitter tried first, relative to the mean diagonal; multiplied by 10 on each failure. */
    static final double FIRST_RELATIVE_JITTER = 1e-10;
    /** Number of jitter attempts after the plain factorization fails. */
    static final int MAX_ATTEMPTS = 8;

    private final int n;
    private final double[] lower; // (n, n) row-major, lower triangular
    private final double jitter;

    private Cholesky(int n, double[] lower, double jitter) {
        this.n = n;
        this.lower = lower;
        this.jitter = jitter;
    }

    /**
     * Factors {@code a} (n x n, row-major), adding growing jitter to the diagonal when needed.
     *
     * @throws NotPositiveDefiniteException naming the size and the last jitter when every attempt fails
     */
    public static Cholesky factor(double[] a, int n) {
        return factor(a, n, MAX_ATTEMPTS);
    }

    /** As {@link #factor(double[], int)} with an explicit number of jitter attempts (0 = none). */
    public static Cholesky factor(double[] a, int n, int jitterAttempts) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("Cholesky: expected " + n * n + " entries for a "
                    + n + "x" + n + " matrix, found " + a.length);
        }
        double[] l = new double[n * n];
        if (tryFactor(a, n, 0.0, l)) {
            return new Cholesky(n, l, 0.0);
        }
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += Math.abs(a[i * n + i]);
        }
        meanDiag = n == 0 ? 1.0 : Math.max(meanDiag / n, Double.MIN_NORMAL);
        double jitter = FIRST_RELATIVE_JITTER * meanDiag;
        for (int attempt = 0; attempt < jitterAttempts; attempt++, jitter *= 10) {
            if (tryFactor(a, n, jitter, l)) {
                return new Cholesky(n, l, jitter);
            }
        }
        throw new NotPositiveDefiniteException(n, jitterAttempts == 0 ? 0.0 : jitter / 10);
    }

    private static boolean tryFactor(double[] a, int n, double jitter, double[] l) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= l[ri + k] * l[rj + k];
                }
                if (i == j) {
                    s += jitter;
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return false;
                    }
                    l[ri + i] = Math.sqrt(s);
                } else {
                    l[ri + j] = s / l[rj + j];
                }
            }
        }
        return true;
    }

    public int size() {
        return n;
    }

    /** The diagonal jitter that was finally added (0 when none was needed). */
    public double jitter() {
        return jitter;
    }

    /** The factor L (n x n, row-major); not copied, do not modify. */
    public double[] lower() {
        return lower;
    }

    /** Solves L z = b in place (forward substitution). */
    public void solveLowerInPlace(double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= lower[ri + k] * b[k];
            }
            b[i] = s / lower[ri + i];
        }
    }

    /** Solves Lᵀ z = b in place (back substitution). */
    public void solveUpperInPlace(double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k * n + i] * b[k];
            }
            b[i] = s / lower[i * n + i];
        }
    }

    /** Returns A⁻¹ b. */
    public double[] solve(double[] b) {
        double[] z = b.clone();
        solveLowerInPlace(z);
        solveUpperInPlace(z);
        return z;
    }

    /** log det A = 2 Σ log L_ii. */
    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(lower[i * n + i]);
        }
        return 2 * s;
    }

    /** Returns A⁻¹ (n x n, row-major, symmetric) via L⁻¹ then L⁻ᵀ L⁻¹. */
    public double[] inverse() {
        double[] inv = new double[n * n]; // first L⁻¹ (lower), row-major
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1.0 / lower[i * n + i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s += lower[i * n + k] * inv[k * n + j];
                }
                inv[i * n + j] = -s / lower[i * n + i];
            }
        }
        double[] out = new double[n * n]; // (L⁻¹)ᵀ L⁻¹
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += inv[k * n + i] * inv[k * n + j];
                }
                out[i * n + j] = s;
                out[j * n + i] = s;
            }
        }
        return out;
    }
}
