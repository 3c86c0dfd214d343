package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.ElementwiseOps;

/**
 * The hyperbolic tangent: y = tanh x (computed in double: {@link #apply}, the specification),
 * dy/dx = 1 - y^2. The forward runs on the worker's element-wise kernels: the scalar ones compute
 * {@link #apply}; the SIMD ones a float approximation within the bound stated on
 * {@link ElementwiseOps#tanh}.
 */
public record Tanh() implements Activation {

    @Override public String name() { return "tanh"; }
    @Override public String description() { return "tanh x"; }
    @Override public float apply(float x) { return (float) Math.tanh(x); }
    @Override public float derivativeFromOutput(float y) { return 1f - y * y; }

    @Override
    public void forward(ElementwiseOps ops, float[] input, float[] out, int size) {
        ops.tanh(input, out, size);
    }

    @Override public String toString() { return name(); }
}
