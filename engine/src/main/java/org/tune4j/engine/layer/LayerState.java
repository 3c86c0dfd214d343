package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.ElementwiseKernels;
import org.tune4j.engine.kernel.ElementwiseOps;
import org.tune4j.engine.kernel.MatMul;

/**
 * The per-worker scratch space of one layer: the matrix kernel the worker computes with and any
 * buffers the layer needs between (or within) its forward and backward passes, sized once for a
 * batch capacity. Owned by exactly one worker thread; never shared.
 */
public class LayerState {

    /** Largest number of examples a single forward or backward call may pass. */
    public final int capacity;
    /** The kernel this worker's products run on. */
    public final MatMul matMul;
    /** The element-wise and pooling kernels of the same kind (SIMD or scalar) as {@link #matMul}. */
    public final ElementwiseOps elementwise;

    public LayerState(int capacity, MatMul matMul) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("layer state capacity must be positive, found " + capacity);
        }
        this.capacity = capacity;
        this.matMul = matMul;
        this.elementwise = ElementwiseKernels.like(matMul);
    }

    /** Fails when a call passes more examples than the state was sized for. */
    public final void checkBatch(int n) {
        if (n < 0 || n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " examples, but this worker state holds at most " + capacity);
        }
    }
}
