package org.tune4j.engine.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.tensor.Shape;

/**
 * Applies an {@link Activation} element by element: out = f(input), dInput = dOut * f'(x), with
 * f' computed from the kept output, the same formulas as {@link Activation#apply} and {@link
 * Activation#derivativeFromOutput} written as one loop per function. NaN propagates (so a diverging
 * run is detected at the loss). No parameters.
 */
public final class ActivationLayer implements Layer {

    private final Shape shape;  // input and output alike
    private final Activation activation;

    public ActivationLayer(Shape shape, Activation activation) {
        this.shape = shape;
        this.activation = java.util.Objects.requireNonNull(activation, "activation");
    }

    public Activation activation() { return activation; }

    @Override public String kind() { return "Activation"; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }
    @Override public int parameterCount() { return 0; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", kind());
        c.put("activation", activation.id());
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
        int size = n * shape.size();
        switch (activation) {  // one loop per function, so the JIT sees no switch per element
            case RELU -> state.elementwise.relu(input, out, size);
            case SIGMOID -> {
                for (int i = 0; i < size; i++) {
                    out[i] = (float) (1.0 / (1.0 + Math.exp(-input[i])));
                }
            }
            case TANH -> {
                for (int i = 0; i < size; i++) {
                    out[i] = (float) Math.tanh(input[i]);
                }
            }
        }
    }

    /** Element-wise, and backward reads out only: see {@link Layer#runsInPlace()}. */
    @Override
    public boolean runsInPlace() { return true; }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] out, float[] dOut, float[] dInput, int n) {
        state.checkBatch(n);
        if (dInput == null) {
            return;
        }
        int size = n * shape.size();
        switch (activation) {
            case RELU -> state.elementwise.reluBackward(out, dOut, dInput, size);
            case SIGMOID -> {
                for (int i = 0; i < size; i++) {
                    dInput[i] = dOut[i] * out[i] * (1f - out[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < size; i++) {
                    dInput[i] = dOut[i] * (1f - out[i] * out[i]);
                }
            }
        }
    }
}
