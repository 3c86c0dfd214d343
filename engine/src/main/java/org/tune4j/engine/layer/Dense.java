package org.tune4j.engine.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.tensor.Shape;

/**
 * Fully connected layer, kernel stored (in x out) as in Keras:
 *
 * <pre>
 *   out(N x out)    = input(N x in) · W(in x out) + b     (ab)
 *   dW(in x out)   += input(N x in)ᵀ · dOut(N x out)      (atb)
 *   dInput(N x in)  = dOut(N x out) · W(in x out)ᵀ        (abt)
 *   db(out)        += Σ_N dOut
 * </pre>
 * Parameters: kernel (in, out) followed by bias (out). The activation is a separate layer.
 */
public final class Dense implements Layer {

    private final Shape inputShape;   // (in)
    private final Shape outputShape;  // (out)
    private final int in;
    private final int units;

    public Dense(Shape inputShape, int units) {
        if (inputShape.rank() != 1) {
            throw new IllegalArgumentException("Dense needs a flat input (add flatten() first), found " + inputShape);
        }
        if (units <= 0) {
            throw new IllegalArgumentException("Dense: expected at least 1 unit, found " + units);
        }
        LayerLimits.requireParameters("Dense " + inputShape.size() + " inputs x " + units + " units",
                (long) inputShape.size() * units + units);
        this.inputShape = inputShape;
        this.in = inputShape.size();
        this.units = units;
        this.outputShape = Shape.flat(units);
    }

    public int units() { return units; }

    @Override public String kind() { return "Dense"; }
    @Override public Shape inputShape() { return inputShape; }
    @Override public Shape outputShape() { return outputShape; }
    @Override public int parameterCount() { return in * units + units; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", kind());
        c.put("units", units);
        return c;
    }

    @Override
    public void initialize(float[] params, int pOff, RandomGenerator rng) {
        Initializers.glorotUniform(params, pOff, in * units, in, units, rng);
        Initializers.zeros(params, pOff + in * units, units);
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        return new LayerState(capacity, matMul);
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        state.checkBatch(n);
        state.matMul.ab(input, 0, params, pOff, out, 0, n, in, units, false);  // (N, out)
        int biasOff = pOff + in * units;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < units; j++) {
                out[i * units + j] += params[biasOff + j];
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
        state.matMul.atb(input, 0, dOut, 0, dParams, pOff, in, n, units, true);  // dW (in, out)
        int biasOff = pOff + in * units;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < units; j++) {
                dParams[biasOff + j] += dOut[i * units + j];
            }
        }
        if (dInput != null) {
            state.matMul.abt(dOut, 0, params, pOff, dInput, 0, n, units, in, false);  // (N, in)
        }
    }
}
