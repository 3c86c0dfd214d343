package org.tune4j.engine.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.tensor.Shape;

/**
 * Applies an {@link Activation} element by element: out = f(input), dInput = dOut * f'(x), with
 * f' computed from the kept output ({@link Activation#forward} and {@link Activation#backward}).
 * NaN propagates (so a diverging run is detected at the loss). No parameters. In model files:
 * {@code {"type":"Activation","activation":"relu"}}.
 */
public final class ActivationLayer implements Layer {

    private final Shape shape;  // input and output alike
    private final Activation activation;

    public ActivationLayer(Shape shape, Activation activation) {
        this.shape = shape;
        this.activation = Objects.requireNonNull(activation, "activation");
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
        activation.forward(state.elementwise, input, out, n * shape.size());
    }

    /** Element-wise, and backward reads out only: see {@link Layer#runsInPlace()}. */
    @Override
    public boolean runsInPlace() { return true; }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] out, float[] dOut, float[] dInput, int n) {
        state.checkBatch(n);
        if (dInput != null) {
            activation.backward(state.elementwise, out, dOut, dInput, n * shape.size());
        }
    }
}
