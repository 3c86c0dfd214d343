package org.tune4j.engine.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.tensor.Shape;

/**
 * Max pooling over square windows of NCHW feature maps, without padding (Keras' default "valid"):
 * outH = floor((H - pool) / stride) + 1.
 *
 * <pre>
 *   out(c, oy, ox)  = max over the window of input(c, ·, ·); its position is kept in the worker state
 *   dInput(argmax) += dOut(c, oy, ox); every other input gradient is 0
 * </pre>
 * Ties go to the first maximum in row-major window order, as in PyTorch and TensorFlow; a NaN
 * in a window wins (propagates). 2x2 windows at stride 2 over an even-sized input (the tutorial's
 * pooling) take a branch-free path that stores the winning corner as a byte.
 * No parameters.
 */
public final class MaxPool2D implements Layer {

    private final Shape inputShape;   // (C, H, W)
    private final Shape outputShape;  // (C, outH, outW)
    private final int pool;
    private final int stride;
    private final boolean halving;  // 2x2 windows at stride 2 tiling the whole input: the tutorial's case

    public MaxPool2D(Shape inputShape, int pool, int stride) {
        if (!inputShape.isImage()) {
            throw new IllegalArgumentException("MaxPool2D needs a (channels, height, width) input, found " + inputShape);
        }
        if (pool <= 0 || stride <= 0) {
            throw new IllegalArgumentException("MaxPool2D: expected positive pool size and stride, found " + pool + ", " + stride);
        }
        if (inputShape.height() < pool || inputShape.width() < pool) {
            throw new IllegalArgumentException("MaxPool2D: a " + pool + "x" + pool + " window does not fit the input "
                    + inputShape.height() + "x" + inputShape.width());
        }
        this.inputShape = inputShape;
        this.pool = pool;
        this.stride = stride;
        this.outputShape = Shape.of(inputShape.channels(), (inputShape.height() - pool) / stride + 1,
                (inputShape.width() - pool) / stride + 1);
        this.halving = pool == 2 && stride == 2 && inputShape.height() % 2 == 0 && inputShape.width() % 2 == 0;
    }

    public int pool() { return pool; }
    public int stride() { return stride; }

    @Override public String kind() { return "MaxPool2D"; }
    @Override public Shape inputShape() { return inputShape; }
    @Override public Shape outputShape() { return outputShape; }
    @Override public int parameterCount() { return 0; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", kind());
        c.put("pool_size", pool);
        c.put("stride", stride);
        return c;
    }

    @Override
    public void initialize(float[] params, int pOff, RandomGenerator rng) {
        // no parameters
    }

    /** Per-worker buffer: for every output value, where its maximum is. */
    static final class State extends LayerState {
        final int[] argmax;    // (capacity, C, outH, outW): index within the example's input (general case)
        final byte[] corner;   // (capacity, C, outH, outW): 0..3 = top-left, top-right, bottom-left, bottom-right (halving case)

        State(int capacity, MatMul matMul, int outSize, boolean halving) {
            super(capacity, matMul);
            argmax = halving ? null : new int[capacity * outSize];
            corner = halving ? new byte[capacity * outSize] : null;
        }
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        return new State(capacity, matMul, outputShape.size(), halving);
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        state.checkBatch(n);
        if (halving) {
            forwardHalving(((State) state).corner, input, out, n);
            return;
        }
        int[] argmax = ((State) state).argmax;
        int c = inputShape.channels();
        int h = inputShape.height();
        int w = inputShape.width();
        int oh = outputShape.height();
        int ow = outputShape.width();
        int o = 0;  // runs over (n, C, outH, outW) in order
        for (int i = 0; i < n; i++) {
            int inOff = i * inputShape.size();
            for (int ch = 0; ch < c; ch++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, o++) {
                        int corner = inOff + (ch * h + oy * stride) * w + ox * stride;
                        int best = corner;
                        float max = input[corner];
                        for (int py = 0; py < pool; py++) {
                            int row = corner + py * w;
                            for (int px = 0; px < pool; px++) {
                                float v = input[row + px];
                                if (v > max || Float.isNaN(v)) {
                                    max = v;
                                    best = row + px;
                                }
                            }
                        }
                        out[o] = max;
                        argmax[o] = best - inOff;
                    }
                }
            }
        }
    }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] out, float[] dOut, float[] dInput, int n) {
        state.checkBatch(n);
        if (dInput == null) {
            return;
        }
        if (halving) {
            backwardHalving(((State) state).corner, dOut, dInput, n);
            return;
        }
        int[] argmax = ((State) state).argmax;
        int inSize = inputShape.size();
        int outSize = outputShape.size();
        java.util.Arrays.fill(dInput, 0, n * inSize, 0f);
        for (int i = 0; i < n; i++) {
            for (int o = i * outSize; o < (i + 1) * outSize; o++) {
                dInput[i * inSize + argmax[o]] += dOut[o];
            }
        }
    }

    /**
     * The 2x2 stride-2 case without data-dependent branches (the maxima of random activations are
     * unpredictable, and a mispredicted branch per comparison cost ~20 ns per window): each element
     * becomes a long {@code key << 2 | (3 - corner)} whose maximum is the largest value and, among
     * equal values, the first corner in row-major order (as in the general case). Corners: 0
     * top-left, 1 top-right, 2 bottom-left, 3 bottom-right.
     */
    private void forwardHalving(byte[] corner, float[] input, float[] out, int n) {
        int w = inputShape.width();
        int ow = outputShape.width();
        int rows = n * inputShape.channels() * outputShape.height();  // output rows over (n, C, outH)
        int o = 0;
        for (int r = 0; r < rows; r++) {
            int top = 2 * r * w;
            int bottom = top + w;
            for (int ox = 0; ox < ow; ox++, o++) {
                int x = 2 * ox;
                long best = max(
                        max(ranked(input[top + x], 0), ranked(input[top + x + 1], 1)),
                        max(ranked(input[bottom + x], 2), ranked(input[bottom + x + 1], 3)));
                int k = 3 - (int) (best & 3);
                out[o] = input[top + (k >> 1) * w + x + (k & 1)];
                corner[o] = (byte) k;
            }
        }
    }

    /**
     * {@code orderKey(v) << 2 | (3 - position)}: ordered by value first, then earlier position. The
     * key is an int in float order with -0 == +0 and any NaN above +infinity (so a NaN wins).
     */
    private static long ranked(float v, int position) {
        int bits = Float.floatToRawIntBits(v);
        int sign = bits >> 31;                    // 0 or -1
        int key = ((bits & 0x7fffffff) ^ sign) - sign;  // |v| bits, negated for negative v
        if (v != v) {                             // rare, so this branch predicts well
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

    /** dInput of each 2x2 window: dOut at the kept corner, 0 at the other three (every input is written). */
    private void backwardHalving(byte[] corner, float[] dOut, float[] dInput, int n) {
        int w = inputShape.width();
        int ow = outputShape.width();
        int rows = n * inputShape.channels() * outputShape.height();
        int o = 0;
        for (int r = 0; r < rows; r++) {
            int top = 2 * r * w;
            int bottom = top + w;
            for (int ox = 0; ox < ow; ox++, o++) {
                int g = Float.floatToRawIntBits(dOut[o]);
                int k = corner[o];
                int x = 2 * ox;
                dInput[top + x] = Float.intBitsToFloat(g & only(k, 0));
                dInput[top + x + 1] = Float.intBitsToFloat(g & only(k, 1));
                dInput[bottom + x] = Float.intBitsToFloat(g & only(k, 2));
                dInput[bottom + x + 1] = Float.intBitsToFloat(g & only(k, 3));
            }
        }
    }

    /** All ones when k == position, else 0, without a branch. */
    private static int only(int k, int position) {
        return ((k ^ position) - 1) >> 31;
    }
}
