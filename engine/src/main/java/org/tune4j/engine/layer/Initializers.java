package org.tune4j.engine.layer;

import java.util.random.RandomGenerator;

/**
 * Keras' default initialisation: Glorot-uniform kernels and zero biases.
 *
 * <p>Glorot &amp; Bengio (2010), "Understanding the difficulty of training deep feedforward neural
 * networks", eq. 16: W ~ U[-limit, limit] with limit = sqrt(6 / (fan_in + fan_out)). For a dense
 * kernel fan_in and fan_out are the input and output widths; for a convolution kernel both are
 * multiplied by the receptive field kh * kw, as Keras computes them.
 */
final class Initializers {

    private Initializers() {
    }

    /** Fills params[off, off + count) from U[-limit, limit], limit = sqrt(6 / (fanIn + fanOut)). */
    static void glorotUniform(float[] params, int off, int count, int fanIn, int fanOut, RandomGenerator rng) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < count; i++) {
            params[off + i] = (float) ((2.0 * rng.nextDouble() - 1.0) * limit);
        }
    }

    /** Zero biases. */
    static void zeros(float[] params, int off, int count) {
        java.util.Arrays.fill(params, off, off + count, 0f);
    }
}
