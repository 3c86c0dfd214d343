package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.MatMul;

/**
 * One algorithm for {@link Conv2D}'s passes; every algorithm computes the formulas of
 * {@link org.tune4j.engine.kernel.NaiveConv}, the specification, up to float rounding.
 *
 * <p><b>Life cycle.</b> {@link ConvAlgorithm#create} builds one per layer from its
 * {@link ConvShape}, once, when the layer is built; it holds only that shape and tables derived
 * from it, never per-call data, so any number of workers may run it at once. Each worker calls
 * {@link #newState} once: the state holds every buffer the algorithm needs (padded copies, im2col
 * matrices, transposed gradients), allocated there and owned by that worker, so the passes
 * allocate nothing. Then per batch {@link #forward} and, with the same state and input,
 * {@link #backward}.
 *
 * <p>Parameters are the layer's: weights (filters, channels, kernel, kernel) at {@code pOff}, then
 * the bias (filters). Activations are NCHW, {@code n} images from index 0.
 */
interface Convolution {

    /** A worker's buffers for at most {@code capacity} images per call. */
    LayerState newState(int capacity, MatMul matMul);

    /** out (n, filters, outH, outW) = conv(input (n, channels, H, W)) + bias, overwritten. */
    void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n);

    /**
     * Weight and bias gradients added into dParams at pOff; dInput (n, channels, H, W) overwritten
     * unless null. input is the matching forward call's.
     */
    void backward(LayerState state, float[] params, float[] dParams, int pOff,
                  float[] input, float[] dOut, float[] dInput, int n);
}
