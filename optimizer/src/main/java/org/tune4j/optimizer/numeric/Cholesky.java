package org.tune4j.optimizer.numeric;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Cholesky factorization {@code A = L Lᵀ} of a symmetric positive-definite kernel matrix: a thin
 * wrapper over Commons Math's {@link CholeskyDecomposition} adding what it lacks for a Gaussian
 * process, namely explicitly growing diagonal jitter when the matrix is numerically singular
 * (duplicate points give exactly singular kernel matrices), a log-determinant that does not
 * overflow, and a forward substitution for a block of right-hand sides.
 *
 * <p>What is Commons Math's: the factorization, {@link #solve} (A⁻¹ b) and {@link #inverse}. What
 * is ours: the jitter retry, {@link #logDeterminant} (2 Σ log L_ii; Commons Math's determinant is
 * the plain product, which under- or overflows for a few hundred points) and
 * {@link #solveLowerInPlace} (L z = b; Commons Math only solves with L and Lᵀ together, or one
 * vector at a time through {@code getEntry}, too slow for 10,000 acquisition candidates).
 *
 * <p>Thresholds passed to Commons Math (see {@link #SYMMETRY_THRESHOLD} and
 * {@link #positivityThreshold}): kernel matrices are built exactly symmetric, so the symmetry
 * check only catches a caller's bug; a pivot is rejected when it is below the rounding error the
 * elimination accumulates, n·ε times the mean diagonal, because such a pivot is noise and its
 * square root would amplify it into the solves.
 *
 * <p>The input is dense, row-major {@code double[n * n]}. Reference: Golub & Van Loan, Matrix
 * Computations, Alg. 4.2.1; the jitter retry follows the practice of GPy / scikit-learn. It is not
 * a general solver: no pivoting, no sparse storage.
 */
public final class Cholesky {

    /** Jitter tried first, relative to the mean diagonal; multiplied by 10 on each failure. */
    static final double FIRST_RELATIVE_JITTER = 1e-10;
    /** Number of jitter attempts after the plain factorization fails. */
    static final int MAX_ATTEMPTS = 8;
    /**
     * Largest accepted |A_ij - A_ji| relative to max(|A_ii|, |A_jj|). Kernel matrices are filled
     * symmetrically, so any asymmetry beyond rounding is a bug, not something jitter can fix.
     */
    static final double SYMMETRY_THRESHOLD = 1e-12;

    private final int n;
    private final double jitter;
    private final DecompositionSolver solver; // Commons Math's, or null for an extended factor
    private final double[][] rows; // L, row i holds L[i][0..i] (an extended factor: exactly i + 1 entries)

    private Cholesky(int n, CholeskyDecomposition decomposition, double jitter) {
        this.n = n;
        this.jitter = jitter;
        this.solver = decomposition.getSolver();
        this.rows = decomposition.getL().getData();
    }

    private Cholesky(int n, double[][] rows, double jitter) {
        this.n = n;
        this.jitter = jitter;
        this.solver = null;
        this.rows = rows;
    }

    /**
     * The factor of the bordered matrix {@code [[A, B], [Bᵀ, C]]} from this factor of A, in
     * O(n² m) instead of the O((n + m)³) of a new factorization: the new rows of L are
     * {@code L₂₁ = (L⁻¹ B)ᵀ} and the Cholesky factor of {@code C - L₂₁ L₂₁ᵀ}, computed row by row
     * (Cholesky-Banachiewicz, Golub & Van Loan Alg. 4.2.1 restricted to the new rows), so extending
     * by m rows at once or one at a time gives the same bits. The jitter of this factor is added to
     * the new diagonal too; no further jitter is tried.
     *
     * @param cross  B, (m, n) row-major: entry (i, j) is A_{n+i, j}
     * @param corner C, (m, m) row-major, symmetric
     * @throws NotPositiveDefiniteException when a new pivot is not above the rounding threshold
     */
    public Cholesky extend(double[] cross, double[] corner, int m) {
        if (cross.length != m * n || corner.length != m * m) {
            throw new IllegalArgumentException("Cholesky.extend: expected " + m * n + " cross and " + m * m
                    + " corner entries for " + m + " new rows of a " + n + "x" + n + " factor, found "
                    + cross.length + " and " + corner.length);
        }
        requireFinite(cross, Math.max(n, 1));
        requireFinite(corner, Math.max(m, 1));
        int size = n + m;
        double[][] out = new double[size][];
        for (int i = 0; i < n; i++) {
            out[i] = rows[i];
        }
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += rows[i][i] * rows[i][i];
        }
        for (int i = 0; i < m; i++) {
            meanDiag += Math.abs(corner[i * m + i]);
        }
        double positivity = positivityThreshold(size, Math.max(meanDiag / size, Double.MIN_NORMAL));
        for (int i = n; i < size; i++) {
            double[] li = new double[i + 1];
            for (int j = 0; j < i; j++) {
                double s = j < n ? cross[(i - n) * n + j] : corner[(i - n) * m + (j - n)];
                double[] lj = out[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                li[j] = s / lj[j];
            }
            double pivot = corner[(i - n) * m + (i - n)] + jitter;
            for (int k = 0; k < i; k++) {
                pivot -= li[k] * li[k];
            }
            if (!(pivot > positivity)) {
                throw new NotPositiveDefiniteException(size, jitter);
            }
            li[i] = Math.sqrt(pivot);
            out[i] = li;
        }
        return new Cholesky(size, out, jitter);
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
        requireFinite(a, n);
        if (n == 0) {
            throw new IllegalArgumentException("Cholesky: expected a matrix of at least 1x1, found 0x0");
        }
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += Math.abs(a[i * n + i]);
        }
        meanDiag = Math.max(meanDiag / n, Double.MIN_NORMAL);
        double positivity = positivityThreshold(n, meanDiag);
        double jitter = 0.0;
        double nextJitter = FIRST_RELATIVE_JITTER * meanDiag;
        for (int attempt = 0; attempt <= jitterAttempts; attempt++) {
            try {
                CholeskyDecomposition decomposition =
                        new CholeskyDecomposition(withJitter(a, n, jitter), SYMMETRY_THRESHOLD, positivity);
                return new Cholesky(n, decomposition, jitter);
            } catch (NonPositiveDefiniteMatrixException notYet) {
                if (attempt == jitterAttempts) {
                    break;
                }
                jitter = nextJitter;
                nextJitter *= 10;
            }
        }
        throw new NotPositiveDefiniteException(n, jitter);
    }

    /**
     * Smallest accepted pivot: n·ε·mean|A_ii|, the order of the rounding error accumulated by the
     * elimination. The exact pivots of a kernel matrix with white noise s² are at least s², far above.
     */
    static double positivityThreshold(int n, double meanDiagonal) {
        return n * Math.ulp(1.0) * meanDiagonal;
    }

    private static void requireFinite(double[] a, int n) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException("Cholesky: expected finite entries, found " + a[i]
                        + " at (" + i / n + ", " + i % n + ") of a " + n + "x" + n + " matrix");
            }
        }
    }

    private static Array2DRowRealMatrix withJitter(double[] a, int n, double jitter) {
        double[][] data = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, data[i], 0, n);
            data[i][i] += jitter;
        }
        return new Array2DRowRealMatrix(data, false);
    }

    public int size() {
        return n;
    }

    /** The diagonal jitter that was finally added (0 when none was needed). */
    public double jitter() {
        return jitter;
    }

    /** L[i][j] (0 above the diagonal). */
    public double get(int i, int j) {
        return j <= i ? rows[i][j] : 0.0;
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
            double[] li = rows[i];
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * b[k];
            }
            b[i] = s / li[i];
        }
    }

    /**
     * Solves L V = B in place for a block of right-hand sides stored by row ({@code v[p]} is row p
     * of B, one entry per right-hand side); the inner loop runs along the block, so it vectorizes.
     */
    public void solveLowerInPlace(double[][] v) {
        for (int p = 0; p < n; p++) {
            double[] vp = v[p];
            double[] lp = rows[p];
            for (int q = 0; q < p; q++) {
                double lpq = -lp[q];
                double[] vq = v[q];
                for (int j = 0; j < vp.length; j++) {
                    vp[j] += lpq * vq[j];
                }
            }
            double inv = 1.0 / lp[p];
            for (int j = 0; j < vp.length; j++) {
                vp[j] *= inv;
            }
        }
    }

    /** Returns A⁻¹ b (Commons Math's solver; forward and back substitution for an extended factor). */
    public double[] solve(double[] b) {
        if (solver != null) {
            return solver.solve(new ArrayRealVector(b, false)).toArray();
        }
        double[] z = b.clone();
        solveLowerInPlace(z);
        for (int i = n - 1; i >= 0; i--) { // Lᵀ x = z
            z[i] /= rows[i][i];
            double zi = z[i];
            double[] li = rows[i];
            for (int k = 0; k < i; k++) {
                z[k] -= li[k] * zi;
            }
        }
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

    /** Returns A⁻¹ (n x n, row-major, symmetric), Commons Math's solver applied to the identity. */
    public double[] inverse() {
        if (solver == null) {
            throw new UnsupportedOperationException("Cholesky.inverse: not available on an extended factor");
        }
        double[][] inv = solver.solve(MatrixUtils.createRealIdentityMatrix(n)).getData();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inv[i], 0, out, i * n, n);
        }
        return out;
    }
}
