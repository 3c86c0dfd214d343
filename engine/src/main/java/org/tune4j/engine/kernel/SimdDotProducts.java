package org.tune4j.engine.kernel;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * c(m x n) (+)= a(m x k) · b(n x k)ᵀ as blocks of dot products with the vectors along k: the
 * abt route for a long k and a few rows or columns (a convolution's weight gradient through
 * im2col, where k is the pixels and m or n a few channels). B is read in place.
 *
 * <p>Blocks of 4 x 4 dot products keep 16 vector partial sums, stored to the scratch and reduced
 * across lanes ({@link Lanes#sum}) once per chunk of {@code kcDot} floats of k, so that four rows
 * of B stay in L1 while the rows of A stream; rows and columns past a multiple of four run as 4 x 1
 * and 1 x 1 dots. The last k % L floats of every row are copied, zero-padded, into one extra vector
 * per row and joined to the last chunk.
 *
 * <p>Part of one {@link SimdMatMul}: uses that instance's scratch, so one thread at a time.
 */
final class SimdDotProducts {

    private static final VectorSpecies<Float> S = SimdMatMul.S;
    private static final int L = SimdMatMul.L;

    private final int kcDot;
    private final SimdMatMulScratch scratch;

    SimdDotProducts(int kcDot, SimdMatMulScratch scratch) {
        this.kcDot = kcDot;
        this.scratch = scratch;
    }

    /** c(m x n) (+)= a(m x k) · b(n x k)ᵀ; m, n &gt; 0. */
    void abt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, cOff, cOff + m * n, 0f);
        }
        if (k == 0) {
            return;
        }
        int kVec = k - k % L;
        // the last k % L floats of every row, zero-padded to one vector, joined to the last chunk
        float[] tailA = null;
        float[] tailB = null;
        SimdMatMulScratch s = scratch;
        if (kVec < k) {
            tailA = s.tailA(m);
            tailB = s.tailB(n);
            packTail(a, aOff + kVec, k, m, k - kVec, tailA);
            packTail(b, bOff + kVec, k, n, k - kVec, tailB);
        }
        int chunks = Math.max(1, (kVec + kcDot - 1) / kcDot);
        for (int chunk = 0; chunk < chunks; chunk++) {
            int p0 = chunk * kcDot;
            int len = Math.min(kcDot, kVec - p0);
            boolean last = chunk == chunks - 1;
            dotChunk(a, aOff + p0, b, bOff + p0, k, len, last ? tailA : null, last ? tailB : null,
                    c, cOff, m, n, s.sums);
        }
    }

    /** Copies floats [0, t) of each of rows rows (ld apart) into dst rows of L, zero-padded. */
    private static void packTail(float[] x, int off, int ld, int rows, int t, float[] dst) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, off + r * ld, dst, r * L, t);
            Arrays.fill(dst, r * L + t, (r + 1) * L, 0f);
        }
    }

    /**
     * c(m x n) += dots of rows of a and rows of b over len floats (rows ld apart), plus, when
     * tailA is not null, over one more vector taken from row r of tailA / tailB (r * L).
     */
    private static void dotChunk(float[] a, int aOff, float[] b, int bOff, int ld, int len,
                                 float[] tailA, float[] tailB, float[] c, int cOff, int m, int n, float[] sums) {
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int bj = bOff + j * ld;
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                dot4x4(a, aOff + i * ld, b, bj, ld, len, tailA, i * L, tailB, j * L, sums);
                addSums(sums, c, cOff + i * n + j, n);
            }
            for (; i < m; i++) {
                // one row of a against four rows of b: c[i][j..j+3]
                dot4x1(b, bj, ld, a, aOff + i * ld, len, tailB, j * L, tailA, i * L, c, cOff + i * n + j, 1);
            }
        }
        for (; j < n; j++) {
            int bj = bOff + j * ld;
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                // four rows of a against one row of b: c[i..i+3][j]
                dot4x1(a, aOff + i * ld, ld, b, bj, len, tailA, i * L, tailB, j * L, c, cOff + i * n + j, n);
            }
            for (; i < m; i++) {
                c[cOff + i * n + j] += dot1x1(a, aOff + i * ld, b, bj, len, tailA, i * L, tailB, j * L);
            }
        }
    }

    /**
     * sums[(4r + t) * L ..] = lane-wise products of x row r and y row t for r, t in 0..3, over len
     * floats (a multiple of L; rows of x and y are ld apart) and over the tail vectors when xt is
     * not null. The lanes are summed by {@link #addSums}, outside this method: sixteen inlined
     * lane sums made it too large for C2 to compile well.
     */
    private static void dot4x4(float[] x, int xOff, float[] y, int yOff, int ld, int len,
                               float[] xt, int xtOff, float[] yt, int ytOff, float[] sums) {
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00;
        FloatVector s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        int x0 = xOff, x1 = xOff + ld, x2 = xOff + 2 * ld, x3 = xOff + 3 * ld;
        int y0 = yOff, y1 = yOff + ld, y2 = yOff + 2 * ld, y3 = yOff + 3 * ld;
        for (int p = 0; p < len; p += L) {
            FloatVector v0 = FloatVector.fromArray(S, y, y0 + p);
            FloatVector v1 = FloatVector.fromArray(S, y, y1 + p);
            FloatVector v2 = FloatVector.fromArray(S, y, y2 + p);
            FloatVector v3 = FloatVector.fromArray(S, y, y3 + p);
            FloatVector u = FloatVector.fromArray(S, x, x0 + p);
            s00 = u.fma(v0, s00);
            s01 = u.fma(v1, s01);
            s02 = u.fma(v2, s02);
            s03 = u.fma(v3, s03);
            u = FloatVector.fromArray(S, x, x1 + p);
            s10 = u.fma(v0, s10);
            s11 = u.fma(v1, s11);
            s12 = u.fma(v2, s12);
            s13 = u.fma(v3, s13);
            u = FloatVector.fromArray(S, x, x2 + p);
            s20 = u.fma(v0, s20);
            s21 = u.fma(v1, s21);
            s22 = u.fma(v2, s22);
            s23 = u.fma(v3, s23);
            u = FloatVector.fromArray(S, x, x3 + p);
            s30 = u.fma(v0, s30);
            s31 = u.fma(v1, s31);
            s32 = u.fma(v2, s32);
            s33 = u.fma(v3, s33);
        }
        if (xt != null) {
            // one more step on the zero-padded tail rows (L floats apart)
            FloatVector v0 = FloatVector.fromArray(S, yt, ytOff);
            FloatVector v1 = FloatVector.fromArray(S, yt, ytOff + L);
            FloatVector v2 = FloatVector.fromArray(S, yt, ytOff + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, yt, ytOff + 3 * L);
            FloatVector u = FloatVector.fromArray(S, xt, xtOff);
            s00 = u.fma(v0, s00);
            s01 = u.fma(v1, s01);
            s02 = u.fma(v2, s02);
            s03 = u.fma(v3, s03);
            u = FloatVector.fromArray(S, xt, xtOff + L);
            s10 = u.fma(v0, s10);
            s11 = u.fma(v1, s11);
            s12 = u.fma(v2, s12);
            s13 = u.fma(v3, s13);
            u = FloatVector.fromArray(S, xt, xtOff + 2 * L);
            s20 = u.fma(v0, s20);
            s21 = u.fma(v1, s21);
            s22 = u.fma(v2, s22);
            s23 = u.fma(v3, s23);
            u = FloatVector.fromArray(S, xt, xtOff + 3 * L);
            s30 = u.fma(v0, s30);
            s31 = u.fma(v1, s31);
            s32 = u.fma(v2, s32);
            s33 = u.fma(v3, s33);
        }
        s00.intoArray(sums, 0);
        s01.intoArray(sums, L);
        s02.intoArray(sums, 2 * L);
        s03.intoArray(sums, 3 * L);
        s10.intoArray(sums, 4 * L);
        s11.intoArray(sums, 5 * L);
        s12.intoArray(sums, 6 * L);
        s13.intoArray(sums, 7 * L);
        s20.intoArray(sums, 8 * L);
        s21.intoArray(sums, 9 * L);
        s22.intoArray(sums, 10 * L);
        s23.intoArray(sums, 11 * L);
        s30.intoArray(sums, 12 * L);
        s31.intoArray(sums, 13 * L);
        s32.intoArray(sums, 14 * L);
        s33.intoArray(sums, 15 * L);
    }

    /** c[r * ldc + t] += Σ lanes of sums block 4r + t, for r, t in 0..3. */
    private static void addSums(float[] sums, float[] c, int cOff, int ldc) {
        for (int r = 0; r < 4; r++) {
            for (int t = 0; t < 4; t++) {
                c[cOff + r * ldc + t] += Lanes.sum(FloatVector.fromArray(S, sums, (4 * r + t) * L));
            }
        }
    }

    /**
     * c[cOff + r * cStride] += dot(x row r, y) for r in 0..3 (rows of x ldx apart) over len floats,
     * a multiple of L, plus the tail vectors (x tail rows L apart) when xt is not null.
     */
    private static void dot4x1(float[] x, int xOff, int ldx, float[] y, int yOff, int len,
                               float[] xt, int xtOff, float[] yt, int ytOff,
                               float[] c, int cOff, int cStride) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        FloatVector t0 = s0, t1 = s0, t2 = s0, t3 = s0;
        int p = 0;
        // two accumulators per row hide the FMA latency
        for (; p + 2 * L <= len; p += 2 * L) {
            FloatVector y0 = FloatVector.fromArray(S, y, yOff + p);
            FloatVector y1 = FloatVector.fromArray(S, y, yOff + p + L);
            s0 = FloatVector.fromArray(S, x, xOff + p).fma(y0, s0);
            t0 = FloatVector.fromArray(S, x, xOff + p + L).fma(y1, t0);
            s1 = FloatVector.fromArray(S, x, xOff + ldx + p).fma(y0, s1);
            t1 = FloatVector.fromArray(S, x, xOff + ldx + p + L).fma(y1, t1);
            s2 = FloatVector.fromArray(S, x, xOff + 2 * ldx + p).fma(y0, s2);
            t2 = FloatVector.fromArray(S, x, xOff + 2 * ldx + p + L).fma(y1, t2);
            s3 = FloatVector.fromArray(S, x, xOff + 3 * ldx + p).fma(y0, s3);
            t3 = FloatVector.fromArray(S, x, xOff + 3 * ldx + p + L).fma(y1, t3);
        }
        if (p < len) {
            FloatVector y0 = FloatVector.fromArray(S, y, yOff + p);
            s0 = FloatVector.fromArray(S, x, xOff + p).fma(y0, s0);
            s1 = FloatVector.fromArray(S, x, xOff + ldx + p).fma(y0, s1);
            s2 = FloatVector.fromArray(S, x, xOff + 2 * ldx + p).fma(y0, s2);
            s3 = FloatVector.fromArray(S, x, xOff + 3 * ldx + p).fma(y0, s3);
        }
        if (xt != null) {
            FloatVector y1 = FloatVector.fromArray(S, yt, ytOff);
            t0 = FloatVector.fromArray(S, xt, xtOff).fma(y1, t0);
            t1 = FloatVector.fromArray(S, xt, xtOff + L).fma(y1, t1);
            t2 = FloatVector.fromArray(S, xt, xtOff + 2 * L).fma(y1, t2);
            t3 = FloatVector.fromArray(S, xt, xtOff + 3 * L).fma(y1, t3);
        }
        c[cOff] += Lanes.sum(s0.add(t0));
        c[cOff + cStride] += Lanes.sum(s1.add(t1));
        c[cOff + 2 * cStride] += Lanes.sum(s2.add(t2));
        c[cOff + 3 * cStride] += Lanes.sum(s3.add(t3));
    }

    /** dot(x, y) over len floats, a multiple of L, plus the tail vectors when xt is not null. */
    private static float dot1x1(float[] x, int xOff, float[] y, int yOff, int len,
                                float[] xt, int xtOff, float[] yt, int ytOff) {
        FloatVector s = FloatVector.zero(S);
        for (int p = 0; p < len; p += L) {
            s = FloatVector.fromArray(S, x, xOff + p).fma(FloatVector.fromArray(S, y, yOff + p), s);
        }
        if (xt != null) {
            s = FloatVector.fromArray(S, xt, xtOff).fma(FloatVector.fromArray(S, yt, ytOff), s);
        }
        return Lanes.sum(s);
    }}
