package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.kernel.NaiveConv;

/**
 * {@link ConvAlgorithm#DIRECT}: the specification ({@link NaiveConv}) run as a layer, so that a
 * student or a test can train with the loops the fast algorithms are checked against. Needs no
 * buffers beyond the plain {@link LayerState}; ignores the worker's kernels.
 */
final class DirectConv implements Convolution {

    private final ConvShape shape;
    private final int biasOffset;  // from pOff: the bias follows the weights

    DirectConv(ConvShape shape) {
        this.shape = shape;
        this.biasOffset = shape.filters() * shape.patch();
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        return new LayerState(capacity, matMul);
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        NaiveConv.forward(shape, input, 0, params, pOff, params, pOff + biasOffset, out, 0, n);
    }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] dOut, float[] dInput, int n) {
        NaiveConv.backwardWeights(shape, input, 0, dOut, 0, dParams, pOff, n);
        NaiveConv.backwardBias(shape, dOut, 0, dParams, pOff + biasOffset, n);
        if (dInput != null) {
            NaiveConv.backwardInput(shape, params, pOff, dOut, 0, dInput, 0, n);
        }
    }
}
