package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The last strip of {@link SimdBlockedProduct}, narrower than NR columns: run one vector of
 * columns at a time (so 196 columns cost 13 vectors rather than 4 full strips) by a 6 x 1-vector
 * kernel. The strip is packed, zero-padded to NR columns, in the scratch's B block; the packed A
 * block is the scratch's too. Partial tiles (fewer than six rows, or a partial vector) run into
 * the tile buffer and their valid part is copied out.
 *
 * <p>Part of one {@link SimdMatMul}: uses that instance's scratch, so one thread at a time.
 */
final class SimdNarrowStrip {

    private static final VectorSpecies<Float> S = SimdMatMul.S;
    private static final int L = SimdMatMul.L;
    private static final int MR = SimdMatMul.MR;
    private static final int NR = SimdMatMul.NR;

    private final SimdMatMulScratch scratch;

    SimdNarrowStrip(SimdMatMulScratch scratch) {
        this.scratch = scratch;
    }

    /**
     * c[mc x cols, from cStrip, row stride ldc] (+)= packed A (mc x kc) · packed strip (kc x cols,
     * at panelOff of the B block, rows NR apart).
     */
    void run(int panelOff, float[] c, int cStrip, int ldc, int mc, int cols, int kc, boolean loadC) {
        SimdMatMulScratch s = scratch;
        for (int v = 0; v < cols; v += L) {
            int vCols = Math.min(L, cols - v);
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int cTile = cStrip + ir * ldc + v;
                if (rows == MR && vCols == L) {
                    kernel(s.a, ir * kc, s.b, panelOff + v, NR, c, cTile, ldc, kc, loadC);
                } else {
                    float[] tile = s.tile;
                    if (loadC) {
                        for (int r = 0; r < rows; r++) {
                            System.arraycopy(c, cTile + r * ldc, tile, r * NR, vCols);
                        }
                    }
                    kernel(s.a, ir * kc, s.b, panelOff + v, NR, tile, 0, NR, kc, loadC);
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(tile, r * NR, c, cTile + r * ldc, vCols);
                    }
                }
            }
        }
    }

    /**
     * c[6 x L] (+)= ap[6 x kc] · b[kc x L]. Even and odd steps of k go to separate accumulators, so
     * twelve FMA chains are in flight; they are added once at the end.
     */
    private static void kernel(float[] ap, int apOff, float[] b, int bOff, int ldb,
                               float[] c, int cOff, int ldc, int kc, boolean loadC) {
        int a0 = apOff;  // the panel's six rows, kc floats each
        int a1 = apOff + kc;
        int a2 = apOff + 2 * kc;
        int a3 = apOff + 3 * kc;
        int a4 = apOff + 4 * kc;
        int a5 = apOff + 5 * kc;
        FloatVector z = FloatVector.zero(S);
        FloatVector e0 = loadC ? FloatVector.fromArray(S, c, cOff) : z;
        FloatVector e1 = loadC ? FloatVector.fromArray(S, c, cOff + ldc) : z;
        FloatVector e2 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc) : z;
        FloatVector e3 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc) : z;
        FloatVector e4 = loadC ? FloatVector.fromArray(S, c, cOff + 4 * ldc) : z;
        FloatVector e5 = loadC ? FloatVector.fromArray(S, c, cOff + 5 * ldc) : z;
        FloatVector o0 = z, o1 = z, o2 = z, o3 = z, o4 = z, o5 = z;
        int p = 0;
        for (; p + 2 <= kc; p += 2) {
            FloatVector be = FloatVector.fromArray(S, b, bOff + p * ldb);
            FloatVector bo = FloatVector.fromArray(S, b, bOff + (p + 1) * ldb);
            e0 = be.fma(FloatVector.broadcast(S, ap[a0 + p]), e0);
            e1 = be.fma(FloatVector.broadcast(S, ap[a1 + p]), e1);
            e2 = be.fma(FloatVector.broadcast(S, ap[a2 + p]), e2);
            e3 = be.fma(FloatVector.broadcast(S, ap[a3 + p]), e3);
            e4 = be.fma(FloatVector.broadcast(S, ap[a4 + p]), e4);
            e5 = be.fma(FloatVector.broadcast(S, ap[a5 + p]), e5);
            o0 = bo.fma(FloatVector.broadcast(S, ap[a0 + p + 1]), o0);
            o1 = bo.fma(FloatVector.broadcast(S, ap[a1 + p + 1]), o1);
            o2 = bo.fma(FloatVector.broadcast(S, ap[a2 + p + 1]), o2);
            o3 = bo.fma(FloatVector.broadcast(S, ap[a3 + p + 1]), o3);
            o4 = bo.fma(FloatVector.broadcast(S, ap[a4 + p + 1]), o4);
            o5 = bo.fma(FloatVector.broadcast(S, ap[a5 + p + 1]), o5);
        }
        if (p < kc) {
            FloatVector be = FloatVector.fromArray(S, b, bOff + p * ldb);
            e0 = be.fma(FloatVector.broadcast(S, ap[a0 + p]), e0);
            e1 = be.fma(FloatVector.broadcast(S, ap[a1 + p]), e1);
            e2 = be.fma(FloatVector.broadcast(S, ap[a2 + p]), e2);
            e3 = be.fma(FloatVector.broadcast(S, ap[a3 + p]), e3);
            e4 = be.fma(FloatVector.broadcast(S, ap[a4 + p]), e4);
            e5 = be.fma(FloatVector.broadcast(S, ap[a5 + p]), e5);
        }
        e0.add(o0).intoArray(c, cOff);
        e1.add(o1).intoArray(c, cOff + ldc);
        e2.add(o2).intoArray(c, cOff + 2 * ldc);
        e3.add(o3).intoArray(c, cOff + 3 * ldc);
        e4.add(o4).intoArray(c, cOff + 4 * ldc);
        e5.add(o5).intoArray(c, cOff + 5 * ldc);
    }
}
