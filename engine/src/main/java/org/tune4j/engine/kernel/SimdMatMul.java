package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix products on the Vector API ({@code jdk.incubator.vector}): this class routes each call
 * to one algorithm by its shape; they agree with {@link ScalarMatMul} up to float rounding (sums
 * are taken in a different order) and each gives the same bits for the same shape every call.
 *
 * <p>The routes, with NR = 4 vectors of columns (64 floats at 512 bits):
 * <ul>
 *   <li><b>ab</b>: {@link SimdBlockedProduct}, A row-major.</li>
 *   <li><b>atb</b>: when C is narrower than NR and A has at least NR columns,
 *       {@link SimdTransposedProducts#atbAsCt} (Cᵀ = bᵀ · a); otherwise
 *       {@link SimdBlockedProduct} with A read through its transposed strides.</li>
 *   <li><b>abt</b>: k below {@link #SHORT_K} (four vectors): {@link SimdTransposedProducts#abtWithBt};
 *       else m and n both at least NR: {@link SimdTransposedProducts#abtAsCt} (Cᵀ = B · Aᵀ);
 *       else (a long k against a few rows or columns): {@link SimdDotProducts}.</li>
 * </ul>
 *
 * <p><b>Buffers.</b> An instance owns its packing buffers ({@link SimdMatMulScratch}, about
 * 770 KB at the default block sizes, allocated with it, plus buffers for the transposed copies
 * that grow to the largest shape seen), so it is <em>not</em> thread-safe: each worker gets its
 * own from {@link Kernels#matMul(KernelMode)} and no call allocates once the buffers have grown.
 * C must not overlap A or B. Only load this class when the {@code jdk.incubator.vector} module is
 * present: go through {@link Kernels#matMul(KernelMode)}.
 */
public final class SimdMatMul implements MatMul {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector (16 for 512-bit vectors). */
    static final int L = S.length();
    /** Rows of C per micro-tile. */
    static final int MR = 6;
    /** Columns of C per micro-tile: four vectors. */
    static final int NR = 4 * L;
    /** Depth of a packed block of k: a 128 x 64 panel of B (32 KB) stays in L1. */
    static final int KC = 128;
    /** Rows of a packed block of A: 512 x 128 floats (256 KB) stay in L2. */
    static final int MC = 512;
    /** Columns of a packed block of B: 128 x 1024 floats (512 KB) stay in L2. */
    static final int NC = 1024;
    /** Depth of k between lane reductions in {@link SimdDotProducts}: four rows of B (16 KB) stay in L1. */
    static final int KC_DOT = 1024;
    /** Rows of A from which {@link SimdBlockedProduct} packs B rather than reading it in place. */
    static final int PACK_B_ROWS = 128;
    /** Below this k (four vectors), abt copies Bᵀ and runs the blocked product instead of dot products. */
    static final int SHORT_K = 4 * L;

    /** When {@link SimdBlockedProduct} copies a strip of B into a contiguous panel. */
    enum BPacking { AUTO, ALWAYS, NEVER }

    private final SimdBlockedProduct blocked;
    private final SimdTransposedProducts transposed;
    private final SimdDotProducts dots;

    public SimdMatMul() {
        this(BPacking.AUTO);
    }

    /** For tests that force one B path. */
    SimdMatMul(BPacking bPacking) {
        this(bPacking, KC, NC, KC_DOT);
    }

    /** For tests and tuning: block sizes other than {@link #KC}, {@link #NC}, {@link #KC_DOT}. */
    SimdMatMul(BPacking bPacking, int kc, int nc, int kcDot) {
        if (kc < 1 || nc < NR || kcDot < L || kcDot % L != 0) {
            throw new IllegalArgumentException("block sizes: expected kc >= 1, nc >= " + NR
                    + ", kcDot a positive multiple of " + L + "; got " + kc + ", " + nc + ", " + kcDot);
        }
        SimdMatMulScratch scratch = new SimdMatMulScratch(kc, nc);
        this.blocked = new SimdBlockedProduct(bPacking, kc, nc, scratch);
        this.transposed = new SimdTransposedProducts(blocked, scratch);
        this.dots = new SimdDotProducts(kcDot, scratch);
    }

    /** The vector width this kernel runs at, e.g. "512-bit (16 floats)". */
    public static String vectorShape() {
        return S.vectorBitSize() + "-bit (" + L + " floats)";
    }

    @Override
    public void ab(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        blocked.product(a, aOff, k, 1, b, bOff, c, cOff, m, k, n, accumulate);  // A(i, p) = a[aOff + i * k + p]
    }

    @Override
    public void atb(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        if (n < NR && m >= NR && k > 0) {
            transposed.atbAsCt(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
            return;
        }
        blocked.product(a, aOff, 1, m, b, bOff, c, cOff, m, k, n, accumulate);  // A(i, p) = a[aOff + p * m + i]
    }

    @Override
    public void abt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k < SHORT_K && k > 0) {
            transposed.abtWithBt(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
        } else if (m >= NR && n >= NR) {  // Cᵀ has full strips of NR columns
            transposed.abtAsCt(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
        } else {
            dots.abt(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
        }
    }
}
