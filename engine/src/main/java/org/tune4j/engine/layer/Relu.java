package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.ElementwiseOps;

/**
 * The rectified linear unit (Nair &amp; Hinton 2010): y = max(0, x), dy/dx = 1 if y &gt; 0 else 0
 * (0 at x = 0, as TensorFlow and PyTorch). NaN stays NaN, so a diverging run reaches the loss as
 * NaN. Both passes run on the worker's element-wise kernels (SIMD or scalar, bit-identical).
 */
public record Relu() implements Activation {

    @Override public String name() { return "relu"; }
    @Override public String description() { return "max(0, x)"; }
    @Override public float apply(float x) { return Math.max(x, 0f); }
    @Override public float derivativeFromOutput(float y) { return y > 0f ? 1f : 0f; }

    @Override
    public void forward(ElementwiseOps ops, float[] input, float[] out, int size) {
        ops.relu(input, out, size);
    }

    @Override
    public void backward(ElementwiseOps ops, float[] out, float[] dOut, float[] dInput, int size) {
        ops.reluBackward(out, dOut, dInput, size);
    }

    @Override public String toString() { return name(); }
}
