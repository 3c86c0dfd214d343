package org.tune4j.engine.kernel;

/**
 * The packing buffers of one {@link SimdMatMul}: owned by that instance, so by the one worker that
 * holds it, and shared by its algorithms ({@link SimdBlockedProduct}, {@link SimdNarrowStrip},
 * {@link SimdTransposedProducts}, {@link SimdDotProducts}), which run one at a time. The fixed
 * buffers are allocated with the instance; the others grow to the largest shape seen and are then
 * reused, so the steady state allocates nothing.
 */
final class SimdMatMulScratch {

    private static final int MR = SimdMatMul.MR;
    private static final int NR = SimdMatMul.NR;
    private static final int L = SimdMatMul.L;

    /** Packed A block: up to MC rows x kc, row-major, zero rows up to a multiple of MR. */
    final float[] a;
    /** Packed B block: kc x nc (nc rounded up to NR), strip of NR columns after strip. */
    final float[] b;
    /** Edge tile of C: MR x NR. */
    final float[] tile = new float[MR * NR];
    /** abt: a 4 x 4 block's 16 vector partial sums, reduced lane by lane after the block. */
    final float[] sums = new float[16 * L];
    /** abt: the last k % L floats of each row of a and of b, one vector per row; grow-only. */
    private float[] tailA = new float[0];
    private float[] tailB = new float[0];
    /** abt with a short k: Bᵀ; through the blocked kernel: Aᵀ. Grow-only. */
    private float[] transposed = new float[0];
    /** The Cᵀ routes: Cᵀ before it is transposed back; grow-only. */
    private float[] product = new float[0];

    SimdMatMulScratch(int kc, int nc) {
        a = new float[(SimdMatMul.MC + MR - 1) / MR * MR * kc];  // whole micro-panels
        b = new float[kc * ((nc + NR - 1) / NR) * NR];
    }

    float[] tailA(int rows) {
        return tailA = atLeast(tailA, rows * L);
    }

    float[] tailB(int rows) {
        return tailB = atLeast(tailB, rows * L);
    }

    float[] transposed(int size) {
        return transposed = atLeast(transposed, size);
    }

    float[] product(int size) {
        return product = atLeast(product, size);
    }

    /** buffer if it holds size floats, else a new one that does (grow-only scratch). */
    private static float[] atLeast(float[] buffer, int size) {
        return buffer.length >= size ? buffer : new float[size];
    }
}
