package org.tune4j.engine.kernel;

/**
 * Single-precision matrix products, the one primitive every dense and convolution layer is built on.
 *
 * <p>All matrices are row-major and dense (the leading dimension is the column count); each array
 * is addressed from an offset so that a worker can multiply slices of a larger buffer. With
 * {@code accumulate} the product is added to {@code c}; otherwise {@code c} is overwritten.
 * {@link ScalarMatMul} is the specification; {@code SimdMatMul}, the Vector API implementation
 * that must agree with it, owns packing buffers.
 *
 * <p><b>Ownership.</b> An instance may own scratch buffers, so it is used by one thread at a time:
 * each worker gets its own from {@link Kernels#matMul(KernelMode)} when it is built and keeps it
 * (in its layers' {@code LayerState}s) for its life.
 */
public interface MatMul {

    /** c(m x n) = a(m x k) · b(k x n). */
    void ab(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate);

    /** c(m x n) = aᵀ · b, where a is stored (k x m) and b (k x n). */
    void atb(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate);

    /** c(m x n) = a · bᵀ, where a is stored (m x k) and b (n x k). */
    void abt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate);
}
