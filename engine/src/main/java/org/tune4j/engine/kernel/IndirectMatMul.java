package org.tune4j.engine.kernel;

/**
 * Matrix products whose B operand is never materialised: row p of B is the run of floats that
 * starts at {@code b[bOff + rows[p]]}. This is the "indirect GEMM" of XNNPACK (Dukhan 2019, "The
 * Indirect Convolution Algorithm"): for a stride-1 convolution over a zero-padded image, the
 * im2col matrix row for kernel tap (c, ky, kx) is the padded image read from offset
 * {@code c*Hp*Wp + ky*Wp + kx}, so a table of K offsets replaces the K x P copy.
 *
 * <p>Row-major, offsets into arrays, as {@link MatMul}. {@link ScalarIndirectMatMul} is the
 * specification; {@code SimdIndirectMatMul} (Vector API) must agree with it up to float rounding.
 * Obtain one through {@link IndirectKernels#like(MatMul)}. Implementations are stateless and
 * thread-safe.
 */
public interface IndirectMatMul {

    /**
     * c(m x n) = a(m x k) · B, or += when accumulate, where B(p, j) = b[bOff + rows[p] + j]
     * for p &lt; k (= rows.length is not required; the first k entries are used), j &lt; n.
     */
    void ab(float[] a, int aOff, float[] b, int bOff, int[] rows, float[] c, int cOff,
            int m, int k, int n, boolean accumulate);

    /**
     * c(m x n) += Σ_{t &lt; batch} a_t(m x k) · B_tᵀ, where a_t(i, p) = a[aOff + t*aStride + i*k + p]
     * and B_t(j, p) = b[bOff + t*bStride + rows[j] + p] for j &lt; n, p &lt; k: dot products of
     * rows of a with table rows of b, summed over a batch before c is touched.
     */
    void abt(float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, int[] rows,
             float[] c, int cOff, int m, int k, int n, int batch);
}
