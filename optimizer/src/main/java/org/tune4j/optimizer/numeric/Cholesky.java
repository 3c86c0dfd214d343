package org.tune4j.optimizer.numeric;

/**
 * Cholesky factorization {@code A = L Lᵀ} of a symmetric positive-definite matrix, with
 * explicitly growing diagonal jitter when the matrix is numerically singular (duplicate points in
 * a Gaussian process give exactly singular kernel matrices).
 *
 * <p>The input is dense, row-major {@code double[n * n]}; only its lower triangle is read. The
 * factor is kept as one array per row ({@code L[i]} has length i + 1) so that the inner loops are
 * plain {@code a[j] += s * b[j]} over distinct arrays, which the JIT vectorizes.
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
    private final double[][] rows; // row i holds L[i][0..i]
    private final double jitter;

    private Cholesky(int n, double[][] rows, double jitter) {
        this.n = n;
        this.rows = rows;
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
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
        }
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

    private static boolean tryFactor(double[] a, int n, double jitter, double[][] l) {
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j] - dot(li, l[j], j);
                if (i == j) {
                    s += jitter;
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return false;
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / l[j][j];
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

    /** L[i][j] for j ≤ i. */
    public double get(int i, int j) {
        return rows[i][j];
    }

    /** Row i of L (length i + 1); not copied, do not modify. */
    public double[] row(int i) {
        return rows[i];
    }

    /** The factor L as a dense row-major (n x n) array, zeros above the diagonal. */
    public double[] lower() {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, out, i * n, i + 1);
        }
        return out;
    }

    /** Solves L z = b in place (forward substitution). */
    public void solveLowerInPlace(double[] b) {
        for (int i = 0; i < n; i++) {
            b[i] = (b[i] - dot(rows[i], b, i)) / rows[i][i];
        }
    }

    /** Solves Lᵀ z = b in place (back substitution, walking the rows of L). */
    public void solveUpperInPlace(double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            double[] li = rows[i];
            double bi = b[i] / li[i];
            b[i] = bi;
            for (int k = 0; k < i; k++) {
                b[k] -= li[k] * bi;
            }
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
            s += Math.log(rows[i][i]);
        }
        return 2 * s;
    }

    /** Returns A⁻¹ = L⁻ᵀ L⁻¹ (n x n, row-major, symmetric); about n³/3 multiply-adds. */
    public double[] inverse() {
        double[][] inv = new double[n][]; // L⁻¹, lower triangular, row i by forward substitution
        for (int i = 0; i < n; i++) {
            double[] row = new double[i + 1];
            double[] li = rows[i];
            for (int k = 0; k < i; k++) { // row i of L⁻¹ = (e_i - Σ_k L_ik row k of L⁻¹) / L_ii
                axpy(-li[k], inv[k], row, k + 1);
            }
            double d = 1.0 / li[i];
            for (int j = 0; j < i; j++) {
                row[j] *= d;
            }
            row[i] = d;
            inv[i] = row;
        }
        double[][] lowerOut = new double[n][]; // Σ_k (L⁻¹)_ki (L⁻¹)_kj, accumulated row k by row k
        for (int i = 0; i < n; i++) {
            lowerOut[i] = new double[i + 1];
        }
        for (int k = 0; k < n; k++) {
            double[] invK = inv[k];
            for (int i = 0; i <= k; i++) {
                axpy(invK[i], invK, lowerOut[i], i + 1);
            }
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                out[i * n + j] = lowerOut[i][j];
                out[j * n + i] = lowerOut[i][j];
            }
        }
        return out;
    }

    /** y[0..len) += a x[0..len). */
    static void axpy(double a, double[] x, double[] y, int len) {
        for (int j = 0; j < len; j++) {
            y[j] += a * x[j];
        }
    }

    /** Σ_{k < len} a[k] b[k] with four accumulators (breaks the floating-point add latency chain). */
    static double dot(double[] a, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < len; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
