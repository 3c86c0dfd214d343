package org.tune4j.engine.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.ElementwiseOps;
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
 * pooling) run on {@link ElementwiseOps#maxPool2x2}, which keeps the winning corner.
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
        final float[] corner;   // (capacity, C, outH, outW): 0..3 = top-left, top-right, bottom-left, bottom-right (halving case)

        State(int capacity, MatMul matMul, int outSize, boolean halving) {
            super(capacity, matMul);
            argmax = halving ? null : new int[capacity * outSize];
            corner = halving ? new float[capacity * outSize] : null;
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
            State st = (State) state;
            st.elementwise.maxPool2x2(input, n * inputShape.channels() * outputShape.height(), inputShape.width(), out, st.corner);
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

    /** Backward reads input, dOut and the state, not out. */
    @Override
    public boolean backwardReadsOutput() { return false; }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] out, float[] dOut, float[] dInput, int n) {
        state.checkBatch(n);
        if (dInput == null) {
            return;
        }
        if (halving) {
            State st = (State) state;
            st.elementwise.maxPool2x2Backward(st.corner, dOut, n * inputShape.channels() * outputShape.height(),
                    inputShape.width(), dInput);
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
}
