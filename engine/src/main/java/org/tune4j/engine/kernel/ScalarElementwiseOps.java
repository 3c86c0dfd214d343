package org.tune4j.engine.kernel;

/**
 * The reference {@link ElementwiseOps}: plain loops, written without data-dependent branches
 * (ReLU outputs and pooling maxima are unpredictable; a mispredicted branch per element cost more
 * than the arithmetic). The specification the SIMD kernels are tested against and the fallback
 * without the Vector API.
 */
public final class ScalarElementwiseOps implements ElementwiseOps {

    @Override
    public void relu(float[] x, float[] y, int size) {
        relu(x, y, 0, size);
    }

    /** {@link #relu} for from &lt;= i &lt; to only (the SIMD kernel's tail). */
    void relu(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void sigmoid(float[] x, float[] y, int size) {
        sigmoid(x, y, 0, size);
    }

    /** {@link #sigmoid} for from &lt;= i &lt; to only (the SIMD kernel's tail). */
    void sigmoid(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    @Override
    public void tanh(float[] x, float[] y, int size) {
        tanh(x, y, 0, size);
    }

    /** {@link #tanh} for from &lt;= i &lt; to only (the SIMD kernel's tail). */
    void tanh(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int size) {
        reluBackward(y, dy, dx, 0, size);
    }

    /** {@link #reluBackward} for from &lt;= i &lt; to only (the SIMD kernel's tail). */
    void reluBackward(float[] y, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(dy[i]) & positiveMask(y[i]));
        }
    }

    /**
     * All ones when y &gt; 0 (NaN excluded), else 0, from the bits alone: as a signed int, a positive
     * float (up to +infinity, 0x7f800000) lies in [1, 0x7f800000]; zero, negative floats and NaNs do
     * not.
     */
    static int positiveMask(float y) {
        int bits = Float.floatToRawIntBits(y);
        return (-bits & (bits - 0x7f800001)) >> 31;
    }

    @Override
    public void copyRows(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride,
                         int width, int rows) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, srcOff + r * srcStride, dst, dstOff + r * dstStride, width);
        }
    }

    @Override
    public void packRowsPlusBias(float[] src, int srcOff, int srcStride, float bias, float[] dst, int dstOff,
                                 int width, int rows) {
        for (int r = 0; r < rows; r++) {
            int s = srcOff + r * srcStride;
            int d = dstOff + r * width;
            for (int x = 0; x < width; x++) {
                dst[d + x] = src[s + x] + bias;
            }
        }
    }

    @Override
    public void addColumnSums(float[] d, int off, int rows, int m, float[] out) {
        addColumnSums(d, off, rows, m, out, 0);
    }

    /** {@link #addColumnSums} for the columns from &lt;= i &lt; m only (the SIMD kernel's tail). */
    void addColumnSums(float[] d, int off, int rows, int m, float[] out, int from) {
        for (int i = from; i < m; i++) {
            float sum = 0f;
            for (int r = 0; r < rows; r++) {
                sum += d[off + r * m + i];
            }
            out[i] += sum;
        }
    }

    /**
     * Each element becomes a long {@code key << 2 | (3 - corner)} whose maximum is the largest
     * value and, among equal values, the first corner.
     */
    @Override
    public void maxPool2x2(float[] x, int rows, int w, float[] y, float[] corner) {
        maxPool2x2(x, 0, rows, w, y, corner);
    }

    /** {@link #maxPool2x2} for output rows from &lt;= r &lt; to only. */
    void maxPool2x2(float[] x, int from, int to, int w, float[] y, float[] corner) {
        int ow = w / 2;
        int o = from * ow;
        for (int r = from; r < to; r++) {
            int top = 2 * r * w;
            int bottom = top + w;
            for (int ox = 0; ox < ow; ox++, o++) {
                int c = 2 * ox;
                long best = max(
                        max(ranked(x[top + c], 0), ranked(x[top + c + 1], 1)),
                        max(ranked(x[bottom + c], 2), ranked(x[bottom + c + 1], 3)));
                int k = 3 - (int) (best & 3);
                y[o] = x[top + (k >> 1) * w + c + (k & 1)];
                corner[o] = k;
            }
        }
    }

    /**
     * {@code orderKey(v) << 2 | (3 - position)}: ordered by value first, then earlier position. The
     * key is an int in float order with -0 == +0 and any NaN above +infinity (so a NaN wins).
     */
    private static long ranked(float v, int position) {
        int bits = Float.floatToRawIntBits(v);
        int sign = bits >> 31;                          // 0 or -1
        int key = ((bits & 0x7fffffff) ^ sign) - sign;  // |v| bits, negated for negative v
        if (v != v) {                                   // rare, so this branch predicts well
            key = Integer.MAX_VALUE;
        }
        return ((long) key << 2) | (3 - position);
    }

    /**
     * max(a, b) by arithmetic, never a branch (JDK 17 compiles Math.max(long) to one, which
     * mispredicts here); ranked values differ by less than 2^35, so a - b cannot overflow.
     */
    private static long max(long a, long b) {
        long d = a - b;
        return a - (d & (d >> 63));
    }

    @Override
    public void maxPool2x2Backward(float[] corner, float[] dy, int rows, int w, float[] dx) {
        int ow = w / 2;
        int o = 0;
        for (int r = 0; r < rows; r++) {
            int top = 2 * r * w;
            int bottom = top + w;
            for (int ox = 0; ox < ow; ox++, o++) {
                int g = Float.floatToRawIntBits(dy[o]);
                int k = (int) corner[o];
                int c = 2 * ox;
                dx[top + c] = Float.intBitsToFloat(g & only(k, 0));
                dx[top + c + 1] = Float.intBitsToFloat(g & only(k, 1));
                dx[bottom + c] = Float.intBitsToFloat(g & only(k, 2));
                dx[bottom + c + 1] = Float.intBitsToFloat(g & only(k, 3));
            }
        }
    }

    /** All ones when k == position, else 0, without a branch. */
    private static int only(int k, int position) {
        return ((k ^ position) - 1) >> 31;
    }
}
