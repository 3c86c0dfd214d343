package org.tune4j.engine.kernel;

/**
 * The element-wise and pooling kernels that show up in a training profile next to the matrix
 * products: ReLU forward and backward, sigmoid and tanh forward, and 2x2 stride-2 max pooling
 * forward and backward.
 *
 * <pre>
 *   relu:            y = max(x, 0)                   (NaN stays NaN)
 *   reluBackward:    dx = y &gt; 0 ? dy : 0             (from the output y, as the layer keeps it)
 *   maxPool2x2:      y(r, j) = max of x rows 2r, 2r+1, columns 2j, 2j+1; corner(r, j) in 0..3
 *   maxPool2x2Back:  dx(window corner) = dy(r, j), 0 at the other three corners
 * </pre>
 * Pooling sees a batch of NCHW maps as {@code rows} output rows over (n, C, outH): output row r
 * reads input rows 2r and 2r + 1 of width {@code w} (even) and writes {@code w / 2} values.
 * Corners (kept as floats 0, 1, 2, 3, so that SIMD code stores and loads them as vectors): 0 top-left,
 * 1 top-right, 2 bottom-left, 3 bottom-right. The maximum is the first in
 * that order among equal values (as PyTorch and TensorFlow), and a NaN wins (propagates).
 *
 * <p>{@link ScalarElementwiseOps} is the specification; {@code SimdElementwiseOps} must give
 * bit-identical results (except sigmoid and tanh, within the bounds stated on them) and owns scratch buffers, so an instance is used by one thread at a time.
 * Obtain one per worker's layer state through {@link ElementwiseKernels#like(MatMul)}.
 */
public interface ElementwiseOps {

    /** y[i] = max(x[i], 0) for i &lt; size. */
    void relu(float[] x, float[] y, int size);

    /** dx[i] = y[i] &gt; 0 ? dy[i] : 0 for i &lt; size (y NaN counts as not positive). */
    void reluBackward(float[] y, float[] dy, float[] dx, int size);

    /**
     * dst[dstOff + r * width + x] = src[srcOff + r * srcStride + x] + bias for r &lt; rows, x &lt; width:
     * rows of a wider grid (a convolution's padded-width output) packed and biased. Writes nothing
     * outside those rows * width floats of dst.
     */
    void packRowsPlusBias(float[] src, int srcOff, int srcStride, float bias, float[] dst, int dstOff, int width, int rows);

    /**
     * dst[dstOff + r * dstStride + x] = src[srcOff + r * srcStride + x] for r &lt; rows, x &lt; width: a
     * block of rows from one grid into another (an image into a convolution's zero-padded grid
     * and back), writing nothing else of dst. A copy per row, where the tutorial's rows are 14 or
     * 28 floats: about a thousand {@code System.arraycopy} calls per image cost more than the
     * floats they move.
     */
    void copyRows(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride, int width, int rows);

    /**
     * out[i] += Σ_{r &lt; rows} d[off + r * m + i] for i &lt; m, each column summed in row order: the
     * channel sums of a (rows x channels) matrix, such as a bias gradient from dOut transposed.
     */
    void addColumnSums(float[] d, int off, int rows, int m, float[] out);

    /**
     * y[i] = 1 / (1 + e^-x[i]) for i &lt; size; y may be x. The scalar kernel computes it in double
     * and rounds once (the specification, as {@code layer.Sigmoid#apply}); the SIMD kernel, an
     * exception to bit-identity, in float with a polynomial exp: within 4 ulp of the
     * specification (2 measured), or 1e-37 absolute where the specification is below 1e-30
     * (x &lt; -69).
     */
    void sigmoid(float[] x, float[] y, int size);

    /**
     * y[i] = tanh x[i] for i &lt; size; y may be x. Scalar: Math.tanh in double, rounded once (the
     * specification); SIMD: in float, within 4 ulp of it (1 measured), odd bit for bit.
     */
    void tanh(float[] x, float[] y, int size);

    /** 2x2 stride-2 max pooling of {@code rows} output rows; the winning corner of each window into {@code corner}. */
    void maxPool2x2(float[] x, int rows, int w, float[] y, float[] corner);

    /** Every input gradient of the {@code rows} output rows written: dy at the kept corner, 0 elsewhere. */
    void maxPool2x2Backward(float[] corner, float[] dy, int rows, int w, float[] dx);
}
