package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdMatMul}'s micro-kernel: a 6 x 4L tile of C (+)= six rows of A · a strip of B, with the
 * rows of A read as six sequential runs lda apart, either from a packed block (lda = the block's
 * k) or in place from a row-major A (lda = its row length).
 *
 * <p>The 24 accumulators are 24 local variables, loaded, updated and stored by name: C2 keeps
 * them in vector registers only in a method of this shape (an array of accumulators, or a loop
 * over tile rows, spills them to memory). Per step of k: four loads of B, six broadcasts of A,
 * 24 FMAs. The packed block is row-major rather than k-major (GotoBLAS' A(r, p) at ap[p * 6 + r])
 * so that this one kernel serves packed and in-place A alike.
 */
final class SimdRowPanelKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SimdRowPanelKernel() {
    }

    /**
     * c[6 x 4L] (+)= a[6 rows, lda apart, kc floats each] · b[kc x 4L, row stride ldb]. Starts
     * from C when loadC, else from zero; stores unconditionally (JDK 17's C2 compiles a conditional
     * store here into much slower code).
     */
    static void kernel(float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, int kc, boolean loadC) {
        int a0 = aOff;
        int a1 = aOff + lda;
        int a2 = aOff + 2 * lda;
        int a3 = aOff + 3 * lda;
        int a4 = aOff + 4 * lda;
        int a5 = aOff + 5 * lda;
        int c0 = cOff;
        int c1 = cOff + ldc;
        int c2 = cOff + 2 * ldc;
        int c3 = cOff + 3 * ldc;
        int c4 = cOff + 4 * ldc;
        int c5 = cOff + 5 * ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = loadC ? FloatVector.fromArray(S, c, c0) : z;
        FloatVector c01 = loadC ? FloatVector.fromArray(S, c, c0 + L) : z;
        FloatVector c02 = loadC ? FloatVector.fromArray(S, c, c0 + 2 * L) : z;
        FloatVector c03 = loadC ? FloatVector.fromArray(S, c, c0 + 3 * L) : z;
        FloatVector c10 = loadC ? FloatVector.fromArray(S, c, c1) : z;
        FloatVector c11 = loadC ? FloatVector.fromArray(S, c, c1 + L) : z;
        FloatVector c12 = loadC ? FloatVector.fromArray(S, c, c1 + 2 * L) : z;
        FloatVector c13 = loadC ? FloatVector.fromArray(S, c, c1 + 3 * L) : z;
        FloatVector c20 = loadC ? FloatVector.fromArray(S, c, c2) : z;
        FloatVector c21 = loadC ? FloatVector.fromArray(S, c, c2 + L) : z;
        FloatVector c22 = loadC ? FloatVector.fromArray(S, c, c2 + 2 * L) : z;
        FloatVector c23 = loadC ? FloatVector.fromArray(S, c, c2 + 3 * L) : z;
        FloatVector c30 = loadC ? FloatVector.fromArray(S, c, c3) : z;
        FloatVector c31 = loadC ? FloatVector.fromArray(S, c, c3 + L) : z;
        FloatVector c32 = loadC ? FloatVector.fromArray(S, c, c3 + 2 * L) : z;
        FloatVector c33 = loadC ? FloatVector.fromArray(S, c, c3 + 3 * L) : z;
        FloatVector c40 = loadC ? FloatVector.fromArray(S, c, c4) : z;
        FloatVector c41 = loadC ? FloatVector.fromArray(S, c, c4 + L) : z;
        FloatVector c42 = loadC ? FloatVector.fromArray(S, c, c4 + 2 * L) : z;
        FloatVector c43 = loadC ? FloatVector.fromArray(S, c, c4 + 3 * L) : z;
        FloatVector c50 = loadC ? FloatVector.fromArray(S, c, c5) : z;
        FloatVector c51 = loadC ? FloatVector.fromArray(S, c, c5 + L) : z;
        FloatVector c52 = loadC ? FloatVector.fromArray(S, c, c5 + 2 * L) : z;
        FloatVector c53 = loadC ? FloatVector.fromArray(S, c, c5 + 3 * L) : z;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            c02 = b2.fma(x0, c02);
            c03 = b3.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            c12 = b2.fma(x1, c12);
            c13 = b3.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            c22 = b2.fma(x2, c22);
            c23 = b3.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            c32 = b2.fma(x3, c32);
            c33 = b3.fma(x3, c33);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + p]);
            c40 = b0.fma(x4, c40);
            c41 = b1.fma(x4, c41);
            c42 = b2.fma(x4, c42);
            c43 = b3.fma(x4, c43);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + p]);
            c50 = b0.fma(x5, c50);
            c51 = b1.fma(x5, c51);
            c52 = b2.fma(x5, c52);
            c53 = b3.fma(x5, c53);
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
        c40.intoArray(c, c4);
        c41.intoArray(c, c4 + L);
        c42.intoArray(c, c4 + 2 * L);
        c43.intoArray(c, c4 + 3 * L);
        c50.intoArray(c, c5);
        c51.intoArray(c, c5 + L);
        c52.intoArray(c, c5 + 2 * L);
        c53.intoArray(c, c5 + 3 * L);
    }
}
