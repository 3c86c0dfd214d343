package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdIndirectMatMul#ab}: c(m x n) (+)= a(m x k) · B, B's row p read at b[bOff + rows[p]],
 * in register tiles without any packing (A is read along its rows, B through the row table).
 *
 * <p>Tiles of 4 rows x {@code NR = 4 * lanes} columns of C in 16 vector accumulators; per step p,
 * four vectors of table row p of B, one broadcast of A per row, 16 FMAs. Columns beyond the last
 * full tile (the tutorial's 224-column grids leave 32) go to 8-row tiles of two vectors (then
 * 4-row tiles of two and one), the last {@code n mod lanes} to the scalar specification's formula;
 * rows beyond a multiple of 4 go one vector at a time. When exactly one vector is left past the
 * full tiles (n = 80 in the channels-last weight gradient of the tutorial's conv2), the last tile
 * of each 4 rows takes it: 4 x 5 vectors, 20 accumulators. The tiles repeat one shape with other
 * widths because C2 keeps accumulators in registers only as named locals.
 *
 * <p>Stateless; links against jdk.incubator.vector (load through {@link IndirectKernels}).
 */
final class SimdIndirectAb {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 4;
    private static final int NR = 4 * L;

    private SimdIndirectAb() {
    }

    static void ab(float[] a, int aOff, float[] b, int bOff, int[] rows, float[] c, int cOff,
                   int m, int k, int n, boolean accumulate) {
        int nTiles = n - n % NR;
        int nVec = n - n % L;
        int m4 = m - m % MR;
        // exactly one vector past the last full tile (a convolution's weight gradient channels-last,
        // 5 x 16 taps): the last tile takes it as 4 x 5, rather than 4 x 1 tiles loading B per 4 FMAs
        boolean widen = nTiles > 0 && nVec - nTiles == L;
        for (int i = 0; i < m4; i += MR) {
            int j = 0;
            for (; j < nTiles - (widen ? NR : 0); j += NR) {
                tile(a, aOff + i * k, k, b, bOff + j, rows, c, cOff + i * n + j, n, accumulate);
            }
            if (widen) {
                tile4x5(a, aOff + i * k, k, b, bOff + j, rows, c, cOff + i * n + j, n, accumulate);
            }
        }
        // the column tail (less than NR wide): 8-row tiles of two vectors share each load of B
        int i = widen ? m4 : 0;
        for (; i + 8 <= m; i += 8) {
            int j = nTiles;
            for (; j + 2 * L <= nVec; j += 2 * L) {
                tile8x2(a, aOff + i * k, k, b, bOff + j, rows, c, cOff + i * n + j, n, accumulate);
            }
            if (j < nVec) {
                tile4x1(a, aOff + i * k, k, b, bOff + j, rows, c, cOff + i * n + j, n, accumulate);
                tile4x1(a, aOff + (i + 4) * k, k, b, bOff + j, rows, c, cOff + (i + 4) * n + j, n, accumulate);
            }
        }
        for (; i < m4; i += MR) {
            int j = nTiles;
            for (; j + 2 * L <= nVec; j += 2 * L) {
                tile4x2(a, aOff + i * k, k, b, bOff + j, rows, c, cOff + i * n + j, n, accumulate);
            }
            if (j < nVec) {
                tile4x1(a, aOff + i * k, k, b, bOff + j, rows, c, cOff + i * n + j, n, accumulate);
            }
        }
        for (int r = 0; r < m; r++) {  // what the tiles leave: rows past m4 one vector at a time, then scalars
            int aRow = aOff + r * k;
            int cRow = cOff + r * n;
            for (int j = r < m4 ? nVec : 0; j < nVec; j += L) {
                row1(a, aRow, b, bOff + j, rows, k, c, cRow + j, accumulate);
            }
            for (int j = nVec; j < n; j++) {
                float sum = accumulate ? c[cRow + j] : 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[aRow + p] * b[bOff + rows[p] + j];
                }
                c[cRow + j] = sum;
            }
        }
    }

    /** c[4 x 5L] (+)= a[4 rows, k apart] · B[k x 5L]: five loads of B and four broadcasts per 20 FMAs. */
    private static void tile4x5(float[] a, int aOff, int k, float[] b, int bBase, int[] rows,
                                float[] c, int cOff, int ldc, boolean loadC) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = loadC ? FloatVector.fromArray(S, c, cOff) : z;
        FloatVector c01 = loadC ? FloatVector.fromArray(S, c, cOff + L) : z;
        FloatVector c02 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * L) : z;
        FloatVector c03 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * L) : z;
        FloatVector c04 = loadC ? FloatVector.fromArray(S, c, cOff + 4 * L) : z;
        FloatVector c10 = loadC ? FloatVector.fromArray(S, c, cOff + ldc) : z;
        FloatVector c11 = loadC ? FloatVector.fromArray(S, c, cOff + ldc + L) : z;
        FloatVector c12 = loadC ? FloatVector.fromArray(S, c, cOff + ldc + 2 * L) : z;
        FloatVector c13 = loadC ? FloatVector.fromArray(S, c, cOff + ldc + 3 * L) : z;
        FloatVector c14 = loadC ? FloatVector.fromArray(S, c, cOff + ldc + 4 * L) : z;
        FloatVector c20 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc) : z;
        FloatVector c21 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc + L) : z;
        FloatVector c22 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc + 2 * L) : z;
        FloatVector c23 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc + 3 * L) : z;
        FloatVector c24 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc + 4 * L) : z;
        FloatVector c30 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc) : z;
        FloatVector c31 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc + L) : z;
        FloatVector c32 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc + 2 * L) : z;
        FloatVector c33 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc + 3 * L) : z;
        FloatVector c34 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc + 4 * L) : z;
        for (int p = 0; p < k; p++) {
            int bp = bBase + rows[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector b4 = FloatVector.fromArray(S, b, bp + 4 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[aOff + p]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            c02 = b2.fma(x0, c02);
            c03 = b3.fma(x0, c03);
            c04 = b4.fma(x0, c04);
            FloatVector x1 = FloatVector.broadcast(S, a[aOff + k + p]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            c12 = b2.fma(x1, c12);
            c13 = b3.fma(x1, c13);
            c14 = b4.fma(x1, c14);
            FloatVector x2 = FloatVector.broadcast(S, a[aOff + 2 * k + p]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            c22 = b2.fma(x2, c22);
            c23 = b3.fma(x2, c23);
            c24 = b4.fma(x2, c24);
            FloatVector x3 = FloatVector.broadcast(S, a[aOff + 3 * k + p]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            c32 = b2.fma(x3, c32);
            c33 = b3.fma(x3, c33);
            c34 = b4.fma(x3, c34);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + L);
        c02.intoArray(c, cOff + 2 * L);
        c03.intoArray(c, cOff + 3 * L);
        c04.intoArray(c, cOff + 4 * L);
        c10.intoArray(c, cOff + ldc);
        c11.intoArray(c, cOff + ldc + L);
        c12.intoArray(c, cOff + ldc + 2 * L);
        c13.intoArray(c, cOff + ldc + 3 * L);
        c14.intoArray(c, cOff + ldc + 4 * L);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + L);
        c22.intoArray(c, cOff + 2 * ldc + 2 * L);
        c23.intoArray(c, cOff + 2 * ldc + 3 * L);
        c24.intoArray(c, cOff + 2 * ldc + 4 * L);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + L);
        c32.intoArray(c, cOff + 3 * ldc + 2 * L);
        c33.intoArray(c, cOff + 3 * ldc + 3 * L);
        c34.intoArray(c, cOff + 3 * ldc + 4 * L);
    }

    /** c[8 x 2L] (+)= a[8 rows, k apart] · B[k x 2L]: two loads of B per 16 FMAs, for the column tail. */
    private static void tile8x2(float[] a, int aOff, int k, float[] b, int bBase, int[] rows,
                                float[] c, int cOff, int ldc, boolean loadC) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = loadC ? FloatVector.fromArray(S, c, cOff) : z;
        FloatVector c01 = loadC ? FloatVector.fromArray(S, c, cOff + L) : z;
        FloatVector c10 = loadC ? FloatVector.fromArray(S, c, cOff + ldc) : z;
        FloatVector c11 = loadC ? FloatVector.fromArray(S, c, cOff + ldc + L) : z;
        FloatVector c20 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc) : z;
        FloatVector c21 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc + L) : z;
        FloatVector c30 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc) : z;
        FloatVector c31 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc + L) : z;
        FloatVector c40 = loadC ? FloatVector.fromArray(S, c, cOff + 4 * ldc) : z;
        FloatVector c41 = loadC ? FloatVector.fromArray(S, c, cOff + 4 * ldc + L) : z;
        FloatVector c50 = loadC ? FloatVector.fromArray(S, c, cOff + 5 * ldc) : z;
        FloatVector c51 = loadC ? FloatVector.fromArray(S, c, cOff + 5 * ldc + L) : z;
        FloatVector c60 = loadC ? FloatVector.fromArray(S, c, cOff + 6 * ldc) : z;
        FloatVector c61 = loadC ? FloatVector.fromArray(S, c, cOff + 6 * ldc + L) : z;
        FloatVector c70 = loadC ? FloatVector.fromArray(S, c, cOff + 7 * ldc) : z;
        FloatVector c71 = loadC ? FloatVector.fromArray(S, c, cOff + 7 * ldc + L) : z;
        for (int p = 0; p < k; p++) {
            int bp = bBase + rows[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[aOff + k + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[aOff + 2 * k + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[aOff + 3 * k + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[aOff + 4 * k + p]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, a[aOff + 5 * k + p]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = FloatVector.broadcast(S, a[aOff + 6 * k + p]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = FloatVector.broadcast(S, a[aOff + 7 * k + p]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + L);
        c10.intoArray(c, cOff + ldc);
        c11.intoArray(c, cOff + ldc + L);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + L);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + L);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + L);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + L);
        c60.intoArray(c, cOff + 6 * ldc);
        c61.intoArray(c, cOff + 6 * ldc + L);
        c70.intoArray(c, cOff + 7 * ldc);
        c71.intoArray(c, cOff + 7 * ldc + L);
    }

    /** c[4 x 2L] (+)= a[4 rows, k apart] · B[k x 2L]: the column tail of {@link #ab} after the full tiles. */
    private static void tile4x2(float[] a, int aOff, int k, float[] b, int bBase, int[] rows,
                                float[] c, int cOff, int ldc, boolean loadC) {
        int c0 = cOff;
        int c1 = cOff + ldc;
        int c2 = cOff + 2 * ldc;
        int c3 = cOff + 3 * ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = loadC ? FloatVector.fromArray(S, c, c0) : z;
        FloatVector c01 = loadC ? FloatVector.fromArray(S, c, c0 + L) : z;
        FloatVector c10 = loadC ? FloatVector.fromArray(S, c, c1) : z;
        FloatVector c11 = loadC ? FloatVector.fromArray(S, c, c1 + L) : z;
        FloatVector c20 = loadC ? FloatVector.fromArray(S, c, c2) : z;
        FloatVector c21 = loadC ? FloatVector.fromArray(S, c, c2 + L) : z;
        FloatVector c30 = loadC ? FloatVector.fromArray(S, c, c3) : z;
        FloatVector c31 = loadC ? FloatVector.fromArray(S, c, c3 + L) : z;
        for (int p = 0; p < k; p++) {
            int bp = bBase + rows[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[aOff + k + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[aOff + 2 * k + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[aOff + 3 * k + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + L);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + L);
    }

    /** c[4 x L] (+)= a[4 rows, k apart] · B[k x L]: the last vector of columns of {@link #ab}. */
    private static void tile4x1(float[] a, int aOff, int k, float[] b, int bBase, int[] rows,
                                float[] c, int cOff, int ldc, boolean loadC) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = loadC ? FloatVector.fromArray(S, c, cOff) : z;
        FloatVector c1 = loadC ? FloatVector.fromArray(S, c, cOff + ldc) : z;
        FloatVector c2 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc) : z;
        FloatVector c3 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc) : z;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bBase + rows[p]);
            c0 = bv.fma(FloatVector.broadcast(S, a[aOff + p]), c0);
            c1 = bv.fma(FloatVector.broadcast(S, a[aOff + k + p]), c1);
            c2 = bv.fma(FloatVector.broadcast(S, a[aOff + 2 * k + p]), c2);
            c3 = bv.fma(FloatVector.broadcast(S, a[aOff + 3 * k + p]), c3);
        }
        c0.intoArray(c, cOff);
        c1.intoArray(c, cOff + ldc);
        c2.intoArray(c, cOff + 2 * ldc);
        c3.intoArray(c, cOff + 3 * ldc);
    }

    /** c[4 x NR] (+)= a[4 rows, k apart] · B[k x NR] with B row p at b[bBase + rows[p]]. */
    private static void tile(float[] a, int aOff, int k, float[] b, int bBase, int[] rows,
                             float[] c, int cOff, int ldc, boolean loadC) {
        int c0 = cOff;
        int c1 = cOff + ldc;
        int c2 = cOff + 2 * ldc;
        int c3 = cOff + 3 * ldc;
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (loadC) {
            c00 = FloatVector.fromArray(S, c, c0);
            c01 = FloatVector.fromArray(S, c, c0 + L);
            c02 = FloatVector.fromArray(S, c, c0 + 2 * L);
            c03 = FloatVector.fromArray(S, c, c0 + 3 * L);
            c10 = FloatVector.fromArray(S, c, c1);
            c11 = FloatVector.fromArray(S, c, c1 + L);
            c12 = FloatVector.fromArray(S, c, c1 + 2 * L);
            c13 = FloatVector.fromArray(S, c, c1 + 3 * L);
            c20 = FloatVector.fromArray(S, c, c2);
            c21 = FloatVector.fromArray(S, c, c2 + L);
            c22 = FloatVector.fromArray(S, c, c2 + 2 * L);
            c23 = FloatVector.fromArray(S, c, c2 + 3 * L);
            c30 = FloatVector.fromArray(S, c, c3);
            c31 = FloatVector.fromArray(S, c, c3 + L);
            c32 = FloatVector.fromArray(S, c, c3 + 2 * L);
            c33 = FloatVector.fromArray(S, c, c3 + 3 * L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c02 = z; c03 = z;
            c10 = z; c11 = z; c12 = z; c13 = z;
            c20 = z; c21 = z; c22 = z; c23 = z;
            c30 = z; c31 = z; c32 = z; c33 = z;
        }
        int a0 = aOff;
        int a1 = aOff + k;
        int a2 = aOff + 2 * k;
        int a3 = aOff + 3 * k;
        for (int p = 0; p < k; p++) {
            int bp = bBase + rows[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c03.intoArray(c, c0 + 3 * L);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + L);
        c12.intoArray(c, c1 + 2 * L);
        c13.intoArray(c, c1 + 3 * L);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + L);
        c22.intoArray(c, c2 + 2 * L);
        c23.intoArray(c, c2 + 3 * L);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + L);
        c32.intoArray(c, c3 + 2 * L);
        c33.intoArray(c, c3 + 3 * L);
    }

    /** c[1 x L] (+)= a[1 x k] · B[k x L]: the column and row tails of {@link #ab}. */
    private static void row1(float[] a, int aOff, float[] b, int bBase, int[] rows, int k,
                             float[] c, int cOff, boolean loadC) {
        FloatVector acc = loadC ? FloatVector.fromArray(S, c, cOff) : FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            acc = FloatVector.fromArray(S, b, bBase + rows[p]).fma(FloatVector.broadcast(S, a[aOff + p]), acc);
        }
        acc.intoArray(c, cOff);
    }
}
