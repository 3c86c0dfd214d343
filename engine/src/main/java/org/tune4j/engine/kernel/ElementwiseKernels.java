package org.tune4j.engine.kernel;

/**
 * Picks the {@link ElementwiseOps} that matches a worker's {@link MatMul}: the Vector API one
 * ({@code SimdElementwiseOps}) when the worker runs on {@link SimdMatMul}, the scalar
 * specification otherwise (so {@code --kernels scalar} means scalar everywhere).
 */
public final class ElementwiseKernels {

    private static final String SIMD_CLASS = "org.tune4j.engine.kernel.SimdElementwiseOps";
    private static final ElementwiseOps SCALAR = new ScalarElementwiseOps();

    private ElementwiseKernels() {
    }

    /** The element-wise kernels of the same kind as {@code matMul}. */
    public static ElementwiseOps like(MatMul matMul) {
        return Kernels.sameKindAs(matMul, SCALAR, Holder.SIMD);
    }

    /** Loaded on first SIMD use only. */
    private static final class Holder {
        static final ElementwiseOps SIMD = Kernels.loadSimd(SIMD_CLASS, ElementwiseOps.class);
    }
}
