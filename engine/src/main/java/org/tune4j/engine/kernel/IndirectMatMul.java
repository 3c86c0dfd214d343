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
     * c(n x m) += B(n x k) · D(k x m), where B(q, j) = b[bOff + rows[q] + j] for q &lt; n, j &lt; k, and
     * D(j, i) = d[dOff + j*m + i]; c row-major (n x m) from cOff.
     * The table operand on the left (read as "table-a-b"): a convolution's weight gradient with the output channels
     * along the rows of D (dOut transposed, columns x channels) and of c (dWᵀ, taps x channels),
     * so that vectors run over channels and each tap is a broadcast. m must be a multiple of 16
     * (callers pad the channels with zero columns).
     */
    void tab(float[] b, int bOff, int[] rows, float[] d, int dOff, float[] c, int cOff, int n, int k, int m);
}
