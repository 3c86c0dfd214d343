package org.tune4j.engine.extension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.layer.LayerState;
import org.tune4j.engine.tensor.Shape;

/** A library user's layer: out = factor * input, no parameters; {@code {"type":"Scale","factor":3}} in model files. */
public final class Scale implements Layer {
    private final Shape shape;
    private final int factor;

    public Scale(Shape shape, int factor) {
        this.shape = shape;
        this.factor = factor;
    }

    public int factor() { return factor; }

    @Override public String kind() { return "Scale"; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }
    @Override public int parameterCount() { return 0; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", kind());
        c.put("factor", factor);
        return c;
    }

    @Override public void initialize(float[] params, int pOff, RandomGenerator rng) { }
    @Override public LayerState newState(int capacity, MatMul matMul) { return new LayerState(capacity, matMul); }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        for (int i = 0; i < n * shape.size(); i++) {
            out[i] = factor * input[i];
        }
    }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] out, float[] dOut, float[] dInput, int n) {
        if (dInput != null) {
            for (int i = 0; i < n * shape.size(); i++) {
                dInput[i] = factor * dOut[i];
            }
        }
    }

    @Override public boolean backwardReadsOutput() { return false; }
}
