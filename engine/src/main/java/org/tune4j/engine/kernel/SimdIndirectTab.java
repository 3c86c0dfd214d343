package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdIndirectMatMul#tab}: c(n x m) += B(n x k) · D(k x m), B's row q read at
 * b[bOff + rows[q]]: a convolution's weight gradient with the output channels along the vectors
 * (m, a multiple of the lane count) and each input tap a broadcast, so that every vector load of D
 * is whole and aligned and no lane sums are needed (dot products with the lanes along the columns
 * would load 8 vectors per 16 FMAs at unaligned tap offsets).
 *
 * <p>Stateless; links against jdk.incubator.vector (load through {@link IndirectKernels}).
 */
final class SimdIndirectTab {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SimdIndirectTab() {
    }

    /**
     * Tiles of 8 table rows x 3 vectors of c (24 accumulators: per step j three vector loads of D's
     * row j, eight broadcasts, 24 FMAs), then 5 x 1 tiles for the vectors past a multiple of 3 and
     * the rows past a multiple of 8, then single rows. One image per call: the accumulators are
     * loaded and stored once per image (k steps, 224 for conv2), and no batch loop wraps the kernel
     * (JDK 17's C2 compiles such a loop around a many-accumulator kernel into far slower code).
     */
    static void tab(float[] b, int bOff, int[] rows, float[] d, int dOff, float[] c, int cOff, int n, int k, int m) {
        if (m % L != 0) {
            throw new IllegalArgumentException("tab: m = " + m + " is not a multiple of " + L);
        }
        int m3 = m - m % (3 * L);
        int n8 = m3 == 0 ? 0 : n - n % 8;
        for (int q = 0; q < n8; q += 8) {
            for (int i = 0; i < m3; i += 3 * L) {
                tile8x3(b, bOff, rows, q, d, dOff + i, m, k, c, cOff + q * m + i);
            }
        }
        tabNarrow(b, bOff, rows, d, dOff, c, cOff, 0, n8, m3, k, m);  // the vectors past 3L-multiples of those rows
        tabNarrow(b, bOff, rows, d, dOff, c, cOff, n8, n, 0, k, m);   // every vector of the rows past 8-multiples
    }

    /** The part of {@link #tab} with rows [q0, q1) and columns [i0, m): 5 x 1 tiles, then single rows. */
    private static void tabNarrow(float[] b, int bOff, int[] rows, float[] d, int dOff, float[] c, int cOff,
                                  int q0, int q1, int i0, int k, int m) {
        int q = q0;
        for (; q + 5 <= q1; q += 5) {
            int r0 = bOff + rows[q];
            int r1 = bOff + rows[q + 1];
            int r2 = bOff + rows[q + 2];
            int r3 = bOff + rows[q + 3];
            int r4 = bOff + rows[q + 4];
            for (int i = i0; i < m; i += L) {
                tile5x1(b, r0, r1, r2, r3, r4, d, dOff + i, m, k, c, cOff + q * m + i);
            }
        }
        for (; q < q1; q++) {
            int r = bOff + rows[q];
            for (int i = i0; i < m; i += L) {
                FloatVector acc = FloatVector.fromArray(S, c, cOff + q * m + i);
                for (int j = 0; j < k; j++) {
                    acc = FloatVector.fromArray(S, d, dOff + i + j * m).fma(FloatVector.broadcast(S, b[r + j]), acc);
                }
                acc.intoArray(c, cOff + q * m + i);
            }
        }
    }

    /** c[5 x L] (rows m apart) += B rows at b[r0..r4 + j] · D[j][L], over j &lt; k. */
    private static void tile5x1(float[] b, int r0, int r1, int r2, int r3, int r4, float[] d, int dOff, int m, int k,
                                float[] c, int cOff) {
        FloatVector c0 = FloatVector.fromArray(S, c, cOff);
        FloatVector c1 = FloatVector.fromArray(S, c, cOff + m);
        FloatVector c2 = FloatVector.fromArray(S, c, cOff + 2 * m);
        FloatVector c3 = FloatVector.fromArray(S, c, cOff + 3 * m);
        FloatVector c4 = FloatVector.fromArray(S, c, cOff + 4 * m);
        for (int j = 0; j < k; j++) {
            FloatVector dv = FloatVector.fromArray(S, d, dOff + j * m);
            c0 = dv.fma(FloatVector.broadcast(S, b[r0 + j]), c0);
            c1 = dv.fma(FloatVector.broadcast(S, b[r1 + j]), c1);
            c2 = dv.fma(FloatVector.broadcast(S, b[r2 + j]), c2);
            c3 = dv.fma(FloatVector.broadcast(S, b[r3 + j]), c3);
            c4 = dv.fma(FloatVector.broadcast(S, b[r4 + j]), c4);
        }
        c0.intoArray(c, cOff);
        c1.intoArray(c, cOff + m);
        c2.intoArray(c, cOff + 2 * m);
        c3.intoArray(c, cOff + 3 * m);
        c4.intoArray(c, cOff + 4 * m);
    }

    /** c[8 x 3L] (rows m apart) += B rows at b[rows[q..q+7] + j] · D[j][3L] (rows m apart), over j &lt; k. */
    private static void tile8x3(float[] b, int bOff, int[] rows, int q, float[] d, int dOff, int m, int k,
                                float[] c, int cOff) {
        int r0 = bOff + rows[q + 0];
        int r1 = bOff + rows[q + 1];
        int r2 = bOff + rows[q + 2];
        int r3 = bOff + rows[q + 3];
        int r4 = bOff + rows[q + 4];
        int r5 = bOff + rows[q + 5];
        int r6 = bOff + rows[q + 6];
        int r7 = bOff + rows[q + 7];
        FloatVector c00 = FloatVector.fromArray(S, c, cOff);
        FloatVector c01 = FloatVector.fromArray(S, c, cOff + L);
        FloatVector c02 = FloatVector.fromArray(S, c, cOff + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, cOff + m);
        FloatVector c11 = FloatVector.fromArray(S, c, cOff + m + L);
        FloatVector c12 = FloatVector.fromArray(S, c, cOff + m + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, cOff + 2 * m);
        FloatVector c21 = FloatVector.fromArray(S, c, cOff + 2 * m + L);
        FloatVector c22 = FloatVector.fromArray(S, c, cOff + 2 * m + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, cOff + 3 * m);
        FloatVector c31 = FloatVector.fromArray(S, c, cOff + 3 * m + L);
        FloatVector c32 = FloatVector.fromArray(S, c, cOff + 3 * m + 2 * L);
        FloatVector c40 = FloatVector.fromArray(S, c, cOff + 4 * m);
        FloatVector c41 = FloatVector.fromArray(S, c, cOff + 4 * m + L);
        FloatVector c42 = FloatVector.fromArray(S, c, cOff + 4 * m + 2 * L);
        FloatVector c50 = FloatVector.fromArray(S, c, cOff + 5 * m);
        FloatVector c51 = FloatVector.fromArray(S, c, cOff + 5 * m + L);
        FloatVector c52 = FloatVector.fromArray(S, c, cOff + 5 * m + 2 * L);
        FloatVector c60 = FloatVector.fromArray(S, c, cOff + 6 * m);
        FloatVector c61 = FloatVector.fromArray(S, c, cOff + 6 * m + L);
        FloatVector c62 = FloatVector.fromArray(S, c, cOff + 6 * m + 2 * L);
        FloatVector c70 = FloatVector.fromArray(S, c, cOff + 7 * m);
        FloatVector c71 = FloatVector.fromArray(S, c, cOff + 7 * m + L);
        FloatVector c72 = FloatVector.fromArray(S, c, cOff + 7 * m + 2 * L);
        for (int j = 0; j < k; j++) {
            int dj = dOff + j * m;
            FloatVector d0 = FloatVector.fromArray(S, d, dj);
            FloatVector d1 = FloatVector.fromArray(S, d, dj + L);
            FloatVector d2 = FloatVector.fromArray(S, d, dj + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, b[r0 + j]);
            c00 = d0.fma(x0, c00);
            c01 = d1.fma(x0, c01);
            c02 = d2.fma(x0, c02);
            FloatVector x1 = FloatVector.broadcast(S, b[r1 + j]);
            c10 = d0.fma(x1, c10);
            c11 = d1.fma(x1, c11);
            c12 = d2.fma(x1, c12);
            FloatVector x2 = FloatVector.broadcast(S, b[r2 + j]);
            c20 = d0.fma(x2, c20);
            c21 = d1.fma(x2, c21);
            c22 = d2.fma(x2, c22);
            FloatVector x3 = FloatVector.broadcast(S, b[r3 + j]);
            c30 = d0.fma(x3, c30);
            c31 = d1.fma(x3, c31);
            c32 = d2.fma(x3, c32);
            FloatVector x4 = FloatVector.broadcast(S, b[r4 + j]);
            c40 = d0.fma(x4, c40);
            c41 = d1.fma(x4, c41);
            c42 = d2.fma(x4, c42);
            FloatVector x5 = FloatVector.broadcast(S, b[r5 + j]);
            c50 = d0.fma(x5, c50);
            c51 = d1.fma(x5, c51);
            c52 = d2.fma(x5, c52);
            FloatVector x6 = FloatVector.broadcast(S, b[r6 + j]);
            c60 = d0.fma(x6, c60);
            c61 = d1.fma(x6, c61);
            c62 = d2.fma(x6, c62);
            FloatVector x7 = FloatVector.broadcast(S, b[r7 + j]);
            c70 = d0.fma(x7, c70);
            c71 = d1.fma(x7, c71);
            c72 = d2.fma(x7, c72);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + L);
        c02.intoArray(c, cOff + 2 * L);
        c10.intoArray(c, cOff + m);
        c11.intoArray(c, cOff + m + L);
        c12.intoArray(c, cOff + m + 2 * L);
        c20.intoArray(c, cOff + 2 * m);
        c21.intoArray(c, cOff + 2 * m + L);
        c22.intoArray(c, cOff + 2 * m + 2 * L);
        c30.intoArray(c, cOff + 3 * m);
        c31.intoArray(c, cOff + 3 * m + L);
        c32.intoArray(c, cOff + 3 * m + 2 * L);
        c40.intoArray(c, cOff + 4 * m);
        c41.intoArray(c, cOff + 4 * m + L);
        c42.intoArray(c, cOff + 4 * m + 2 * L);
        c50.intoArray(c, cOff + 5 * m);
        c51.intoArray(c, cOff + 5 * m + L);
        c52.intoArray(c, cOff + 5 * m + 2 * L);
        c60.intoArray(c, cOff + 6 * m);
        c61.intoArray(c, cOff + 6 * m + L);
        c62.intoArray(c, cOff + 6 * m + 2 * L);
        c70.intoArray(c, cOff + 7 * m);
        c71.intoArray(c, cOff + 7 * m + L);
        c72.intoArray(c, cOff + 7 * m + 2 * L);
    }
}
