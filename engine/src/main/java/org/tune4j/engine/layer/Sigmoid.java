package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.ElementwiseOps;

/**
 * The logistic sigmoid: y = 1 / (1 + e^-x) (computed in double: {@link #apply}, the
 * specification), dy/dx = y (1 - y). The forward runs on the worker's element-wise kernels: the
 * scalar ones compute {@link #apply}; the SIMD ones a float approximation within the bound stated
 * on {@link ElementwiseOps#sigmoid}.
 */
public record Sigmoid() implements Activation {

    @Override public String name() { return "sigmoid"; }
    @Override public String description() { return "1 / (1 + e^-x)"; }
    @Override public float apply(float x) { return (float) (1.0 / (1.0 + Math.exp(-x))); }
    @Override public float derivativeFromOutput(float y) { return y * (1f - y); }

    @Override
    public void forward(ElementwiseOps ops, float[] input, float[] out, int size) {
        ops.sigmoid(input, out, size);
    }

    /** dInput = (dOut * y) * (1 - y), multiplied in this order. */
    @Override
    public void backward(ElementwiseOps ops, float[] out, float[] dOut, float[] dInput, int size) {
        for (int i = 0; i < size; i++) {
            dInput[i] = dOut[i] * out[i] * (1f - out[i]);
        }
    }

    @Override public String toString() { return name(); }
}
