package org.tune4j.engine.kernel;

/**
 * The products {@link SimdMatMul} runs on a transposed copy, so that {@link SimdBlockedProduct}
 * gets an operand shape it runs well:
 * <ul>
 *   <li>{@link #atbAsCt}: atb with a narrow C as Cᵀ(n x m) = bᵀ · a, so that a is the operand read
 *       in strips of NR columns instead of packed for one narrow strip;</li>
 *   <li>{@link #abtAsCt}: abt as Cᵀ(n x m) = B(n x k) · Aᵀ(k x m), B the blocked product's A operand
 *       (read in place when m = NR), Aᵀ copied: copies of m(k + n) floats for mnk multiply-adds;</li>
 *   <li>{@link #abtWithBt}: abt with a short k as a · (Bᵀ copied), where a dot product of a few
 *       vectors would spend more on its lane sum than on its multiply-adds.</li>
 * </ul>
 * Cᵀ is computed into the scratch and added (or copied) into C in L x L blocks.
 *
 * <p>Part of one {@link SimdMatMul}: uses that instance's scratch, so one thread at a time.
 */
final class SimdTransposedProducts {

    private static final int L = SimdMatMul.L;

    private final SimdBlockedProduct blocked;
    private final SimdMatMulScratch scratch;

    SimdTransposedProducts(SimdBlockedProduct blocked, SimdMatMulScratch scratch) {
        this.blocked = blocked;
        this.scratch = scratch;
    }

    /** c(m x n) (+)= aᵀ · b with a stored (k x m), computed as Cᵀ = bᵀ · a; k &gt; 0. */
    void atbAsCt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        float[] ct = scratch.product(n * m);
        blocked.product(b, bOff, 1, n, a, aOff, ct, 0, n, k, m, false);  // bᵀ(i, p) = b[bOff + p * n + i]
        addTransposed(ct, c, cOff, m, n, accumulate);
    }

    /** c(m x n) (+)= a(m x k) · b(n x k)ᵀ, computed as Cᵀ = b · aᵀ. */
    void abtAsCt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        float[] at = transpose(a, aOff, m, k, scratch.transposed(k * m));
        float[] ct = scratch.product(n * m);
        blocked.product(b, bOff, k, 1, at, 0, ct, 0, n, k, m, false);
        addTransposed(ct, c, cOff, m, n, accumulate);
    }

    /** c(m x n) (+)= a(m x k) · b(n x k)ᵀ, computed as a · (bᵀ copied). */
    void abtWithBt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        float[] bt = transpose(b, bOff, n, k, scratch.transposed(k * n));
        blocked.product(a, aOff, k, 1, bt, 0, c, cOff, m, k, n, accumulate);
    }

    /** c(m x n) (+)= ct(n x m)ᵀ, in L x L blocks so both sides stay in cache. */
    private static void addTransposed(float[] ct, float[] c, int cOff, int m, int n, boolean accumulate) {
        for (int i0 = 0; i0 < m; i0 += L) {
            int i1 = Math.min(m, i0 + L);
            for (int j0 = 0; j0 < n; j0 += L) {
                int j1 = Math.min(n, j0 + L);
                for (int i = i0; i < i1; i++) {
                    int row = cOff + i * n;
                    if (accumulate) {
                        for (int j = j0; j < j1; j++) {
                            c[row + j] += ct[j * m + i];
                        }
                    } else {
                        for (int j = j0; j < j1; j++) {
                            c[row + j] = ct[j * m + i];
                        }
                    }
                }
            }
        }
    }

    /** dst(k x rows) = src(rows x k, from off)ᵀ; returns dst. */
    private static float[] transpose(float[] src, int off, int rows, int k, float[] dst) {
        for (int j = 0; j < rows; j++) {
            int from = off + j * k;
            for (int p = 0; p < k; p++) {
                dst[p * rows + j] = src[from + p];
            }
        }
        return dst;
    }
}
