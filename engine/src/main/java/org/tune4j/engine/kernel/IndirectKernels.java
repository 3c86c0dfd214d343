package org.tune4j.engine.kernel;

import java.util.function.Supplier;

/**
 * Picks the {@link IndirectMatMul} that matches a worker's {@link MatMul}: the Vector API one
 * ({@code SimdIndirectMatMul}) when the worker runs on {@link SimdMatMul}, the scalar
 * specification otherwise. Like {@link Kernels}, names the SIMD class only by its name, so this
 * class loads on a JVM without {@code jdk.incubator.vector}.
 */
public final class IndirectKernels {

    private static final String SIMD_CLASS = "org.tune4j.engine.kernel.SimdIndirectMatMul";
    private static final IndirectMatMul SCALAR = new ScalarIndirectMatMul();

    private IndirectKernels() {
    }

    /** The indirect kernel of the same kind as {@code matMul} (SIMD for the SIMD matmul, else scalar). */
    public static IndirectMatMul like(MatMul matMul) {
        return Kernels.sameKindAs(matMul, SCALAR, Holder.SIMD);
    }

    /** The indirect kernel for a mode; SIMD falls back to scalar when the Vector API is absent. */
    public static IndirectMatMul forMode(KernelMode mode) {
        return like(Kernels.matMul(mode));
    }

    /** Loaded on first use only; one stateless instance shared by every worker. */
    private static final class Holder {
        static final Supplier<IndirectMatMul> SIMD = shared(Kernels.simdFactory(SIMD_CLASS, IndirectMatMul.class));

        private static Supplier<IndirectMatMul> shared(Supplier<IndirectMatMul> factory) {
            if (factory == null) {
                return null;
            }
            IndirectMatMul one = factory.get();
            return () -> one;
        }
    }
}
