package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link IndirectMatMul} on the Vector API: the same register blocking as {@link SimdMatMul}'s
 * micro-kernel, without any packing (A is read along its rows, B through the row table).
 *
 * <p><b>ab</b>: tiles of 4 rows x {@code NR = 4 * lanes} columns of C in 16 vector accumulators;
 * per step p, four vectors of table row p of B, one broadcast of A per row, 16 FMAs. Columns
 * beyond the last full tile (the tutorial's 224-column grids leave 32) go to 8-row tiles of two
 * vectors (then 4-row tiles of two and one), the last {@code n mod lanes} to the scalar
 * specification's formula; rows beyond a multiple of 4 go one vector at a time.
 *
 * <p><b>abt</b>: blocks of 4 x 4 dot products with vectors along p, accumulated over the whole
 * batch in 16 vector partial sums (a per-thread scratch of 16 vectors) before the lanes are
 * reduced once ({@link Lanes#sum}, in a fixed order), so the reduction cost is shared by the batch
 * (measured: 6 x 4 blocks were no faster on JDK 25, and a batch loop inside the block slower, on
 * JDK 17 30x slower); the part of p beyond a multiple
 * of the lane count is summed by scalar code.
 *
 * <p>Load only through {@link IndirectKernels}: this class links against jdk.incubator.vector.
 */
public final class SimdIndirectMatMul implements IndirectMatMul {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 4;
    private static final int NR = 4 * L;

    /** abt's 16 vector partial sums, one small array per calling thread (no allocation per call). */
    private final ThreadLocal<float[]> partialSums = ThreadLocal.withInitial(() -> new float[16 * L]);

    @Override
    public void ab(float[] a, int aOff, float[] b, int bOff, int[] rows, float[] c, int cOff,
                   int m, int k, int n, boolean accumulate) {
        int nTiles = n - n % NR;
        int nVec = n - n % L;
        int m4 = m - m % MR;
        for (int i = 0; i < m4; i += MR) {
            for (int j = 0; j < nTiles; j += NR) {
                tile(a, aOff + i * k, k, b, bOff + j, rows, c, cOff + i * n + j, n, accumulate);
            }
        }
        // the column tail (less than NR wide): 8-row tiles of two vectors share each load of B
        int i = 0;
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

    @Override
    public void abt(float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, int[] rows,
                    float[] c, int cOff, int m, int k, int n, int batch) {
        if (batch <= 0) {
            return;
        }
        int kVec = k - k % L;
        float[] acc = partialSums.get();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                java.util.Arrays.fill(acc, 0f);
                for (int t = 0; t < batch; t++) {
                    int y = bOff + t * bStride;
                    dots4x4(a, aOff + t * aStride + i * k, k, b, y + rows[j], y + rows[j + 1], y + rows[j + 2],
                            y + rows[j + 3], kVec, acc);
                }
                for (int r = 0; r < 4; r++) {
                    for (int s = 0; s < 4; s++) {
                        c[cOff + (i + r) * n + j + s] +=
                                Lanes.sum(FloatVector.fromArray(S, acc, (4 * r + s) * L));
                    }
                }
            }
            for (; j < n; j++) {
                for (int r = 0; r < 4; r++) {
                    c[cOff + (i + r) * n + j] += dot(a, aOff + (i + r) * k, aStride, b, bOff + rows[j], bStride, kVec, batch);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * n + j] += dot(a, aOff + i * k, aStride, b, bOff + rows[j], bStride, kVec, batch);
            }
        }
        if (kVec < k) {
            for (int ii = 0; ii < m; ii++) {
                for (int jj = 0; jj < n; jj++) {
                    float sum = 0f;
                    for (int t = 0; t < batch; t++) {
                        int ai = aOff + t * aStride + ii * k;
                        int bj = bOff + t * bStride + rows[jj];
                        for (int p = kVec; p < k; p++) {
                            sum += a[ai + p] * b[bj + p];
                        }
                    }
                    c[cOff + ii * n + jj] += sum;
                }
            }
        }
    }

    /**
     * acc[(4r + s) * L ..] += lane-wise products of a row r (rows k apart from x0) and table row s
     * (at y0..y3) over p &lt; kVec, for r, s in 0..3: 16 vector partial sums, loaded and stored
     * once per call (one image), reduced across lanes only after the whole batch. One image per
     * call keeps the loop simple enough for JDK 17's C2, which gave up on a batch loop around it.
     */
    private static void dots4x4(float[] a, int x0, int k, float[] b, int y0, int y1, int y2, int y3,
                                int kVec, float[] acc) {
        FloatVector s00 = FloatVector.fromArray(S, acc, 0);
        FloatVector s01 = FloatVector.fromArray(S, acc, L);
        FloatVector s02 = FloatVector.fromArray(S, acc, 2 * L);
        FloatVector s03 = FloatVector.fromArray(S, acc, 3 * L);
        FloatVector s10 = FloatVector.fromArray(S, acc, 4 * L);
        FloatVector s11 = FloatVector.fromArray(S, acc, 5 * L);
        FloatVector s12 = FloatVector.fromArray(S, acc, 6 * L);
        FloatVector s13 = FloatVector.fromArray(S, acc, 7 * L);
        FloatVector s20 = FloatVector.fromArray(S, acc, 8 * L);
        FloatVector s21 = FloatVector.fromArray(S, acc, 9 * L);
        FloatVector s22 = FloatVector.fromArray(S, acc, 10 * L);
        FloatVector s23 = FloatVector.fromArray(S, acc, 11 * L);
        FloatVector s30 = FloatVector.fromArray(S, acc, 12 * L);
        FloatVector s31 = FloatVector.fromArray(S, acc, 13 * L);
        FloatVector s32 = FloatVector.fromArray(S, acc, 14 * L);
        FloatVector s33 = FloatVector.fromArray(S, acc, 15 * L);
        int x1 = x0 + k;
        int x2 = x0 + 2 * k;
        int x3 = x0 + 3 * k;
        for (int p = 0; p < kVec; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, y0 + p);
            FloatVector b1 = FloatVector.fromArray(S, b, y1 + p);
            FloatVector b2 = FloatVector.fromArray(S, b, y2 + p);
            FloatVector b3 = FloatVector.fromArray(S, b, y3 + p);
            FloatVector v = FloatVector.fromArray(S, a, x0 + p);
            s00 = v.fma(b0, s00);
            s01 = v.fma(b1, s01);
            s02 = v.fma(b2, s02);
            s03 = v.fma(b3, s03);
            v = FloatVector.fromArray(S, a, x1 + p);
            s10 = v.fma(b0, s10);
            s11 = v.fma(b1, s11);
            s12 = v.fma(b2, s12);
            s13 = v.fma(b3, s13);
            v = FloatVector.fromArray(S, a, x2 + p);
            s20 = v.fma(b0, s20);
            s21 = v.fma(b1, s21);
            s22 = v.fma(b2, s22);
            s23 = v.fma(b3, s23);
            v = FloatVector.fromArray(S, a, x3 + p);
            s30 = v.fma(b0, s30);
            s31 = v.fma(b1, s31);
            s32 = v.fma(b2, s32);
            s33 = v.fma(b3, s33);
        }
        s00.intoArray(acc, 0);
        s01.intoArray(acc, L);
        s02.intoArray(acc, 2 * L);
        s03.intoArray(acc, 3 * L);
        s10.intoArray(acc, 4 * L);
        s11.intoArray(acc, 5 * L);
        s12.intoArray(acc, 6 * L);
        s13.intoArray(acc, 7 * L);
        s20.intoArray(acc, 8 * L);
        s21.intoArray(acc, 9 * L);
        s22.intoArray(acc, 10 * L);
        s23.intoArray(acc, 11 * L);
        s30.intoArray(acc, 12 * L);
        s31.intoArray(acc, 13 * L);
        s32.intoArray(acc, 14 * L);
        s33.intoArray(acc, 15 * L);
    }

    /** Σ_t dot(a[aRow + t*aStride ..], b[bRow + t*bStride ..]) over p &lt; kVec (a multiple of L). */
    private static float dot(float[] a, int aRow, int aStride, float[] b, int bRow, int bStride, int kVec, int batch) {
        float sum = 0f;
        for (int t = 0; t < batch; t++) {
            sum += dot(a, aRow + t * aStride, b, bRow + t * bStride, kVec);
        }
        return sum;
    }

    /** dot(a[x ..], b[y ..]) over p &lt; kVec (a multiple of L). */
    private static float dot(float[] a, int x, float[] b, int y, int kVec) {
        FloatVector s = FloatVector.zero(S);
        for (int p = 0; p < kVec; p += L) {
            s = FloatVector.fromArray(S, a, x + p).fma(FloatVector.fromArray(S, b, y + p), s);
        }
        return Lanes.sum(s);
    }
}
