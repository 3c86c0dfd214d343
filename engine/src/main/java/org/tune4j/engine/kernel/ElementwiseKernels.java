package org.tune4j.engine.kernel;

import java.util.function.Supplier;

/**
 * Picks the {@link ElementwiseOps} that matches a worker's {@link MatMul}: the Vector API one
 * ({@code SimdElementwiseOps}) when the worker runs on {@link SimdMatMul}, the scalar
 * specification otherwise (so {@code --kernels scalar} means scalar everywhere). A SIMD one is
 * new on every call: it owns its pooling buffers, so each {@code LayerState} holds its own.
 */
public final class ElementwiseKernels {

    private static final String SIMD_CLASS = "org.tune4j.engine.kernel.SimdElementwiseOps";
    private static final ElementwiseOps SCALAR = new ScalarElementwiseOps();

    private ElementwiseKernels() {
    }

    /** The element-wise kernels of the same kind as {@code matMul}, for one worker's layer state. */
    public static ElementwiseOps like(MatMul matMul) {
        return Kernels.sameKindAs(matMul, SCALAR, Holder.SIMD);
    }

    /** Loaded on first use only. */
    private static final class Holder {
        static final Supplier<ElementwiseOps> SIMD = Kernels.simdFactory(SIMD_CLASS, ElementwiseOps.class);
    }
}
