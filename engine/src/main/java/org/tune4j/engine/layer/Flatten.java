package org.tune4j.engine.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.tensor.Shape;

/**
 * Reshapes (C, H, W) feature maps to vectors of C * H * W values in NCHW order (the same order as
 * PyTorch's flatten; Keras flattens NHWC, which only permutes the next dense layer's rows).
 * Forward and backward are copies. No parameters.
 */
public final class Flatten implements Layer {

    private final Shape inputShape;   // (C, H, W)
    private final Shape outputShape;  // (C * H * W)

    public Flatten(Shape inputShape) {
        this.inputShape = inputShape;
        this.outputShape = Shape.flat(inputShape.size());
    }

    @Override public String kind() { return "Flatten"; }
    @Override public Shape inputShape() { return inputShape; }
    @Override public Shape outputShape() { return outputShape; }
    @Override public int parameterCount() { return 0; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", kind());
        return c;
    }

    @Override
    public void initialize(float[] params, int pOff, RandomGenerator rng) {
        // no parameters
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        return new LayerState(capacity, matMul);
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        state.checkBatch(n);
        System.arraycopy(input, 0, out, 0, n * inputShape.size());
    }

    /** Backward reads input, dOut and the state, not out. */
    @Override
    public boolean backwardReadsOutput() { return false; }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] out, float[] dOut, float[] dInput, int n) {
        state.checkBatch(n);
        if (dInput != null) {
            System.arraycopy(dOut, 0, dInput, 0, n * inputShape.size());
        }
    }
}
