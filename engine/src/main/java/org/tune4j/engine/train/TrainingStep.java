package org.tune4j.engine.train;

import java.util.function.IntConsumer;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.GradientOptimizer;

/**
 * One mini-batch step of data-parallel training, the unit {@link Trainer} repeats (and the
 * benchmarks time): the batch is cut into {@code threads} contiguous slices, worker t runs the
 * forward and backward pass of slice t with its own buffers, then each thread takes one range of
 * the parameters, sums the workers' gradients there in worker order and applies the optimizer's
 * step to that range (the 5 x 512 network has 2 million parameters: a serial update left the
 * other threads idle).
 *
 * <p>Life cycle: construct (sizes every buffer and initializes the optimizer for the model), then
 * per batch {@link #forwardBackward} followed by {@link #update} (the caller may look at the loss
 * in between and stop), and {@link #close} at the end. Nothing is allocated per step. Not
 * thread-safe: one caller drives it; worker 0 runs on the caller's thread.
 */
public final class TrainingStep implements AutoCloseable {

    private final Sequential model;
    private final GradientOptimizer optimizer;
    private final WorkerPool pool;
    private final float[] gradient;     // (parameterCount): the batch gradient summed over workers; null for one worker
    private final double[] sliceLoss;   // (threads)
    private final int[] sliceCorrect;   // (threads)
    private final IntConsumer sliceTask = this::slice;    // created once: a step allocates nothing
    private final IntConsumer updateTask = this::update;
    private LabeledImages data;         // the current batch: data[order[from, from + size)]
    private int[] order;
    private int from;
    private int size;

    /**
     * Workers for batches of up to {@code batchSize} examples; calls {@code optimizer.initialize}.
     *
     * @throws IllegalArgumentException when training would not fit in memory ({@link TrainingMemory})
     */
    public TrainingStep(Sequential model, GradientOptimizer optimizer, int batchSize, int threads, KernelMode kernels) {
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("batch size and threads must be at least 1, found " + batchSize + " and " + threads);
        }
        TrainingMemory.require(model.inputShape(), model.layers(), batchSize, threads);
        this.model = model;
        this.optimizer = optimizer;
        optimizer.initialize(model.parameterCount());
        this.pool = new WorkerPool(model, threads, (int) (((long) batchSize + threads - 1) / threads), kernels);
        this.gradient = threads == 1 ? null : new float[model.parameterCount()];
        this.sliceLoss = new double[threads];
        this.sliceCorrect = new int[threads];
    }

    /**
     * Forward and backward over examples order[from, from + n) of {@code data}, split over the
     * workers; returns the sum of their losses. The parameters are not changed yet.
     */
    public double forwardBackward(LabeledImages data, int[] order, int from, int n) {
        if (n < 1 || n > pool.worker(0).capacity() * pool.size()) {
            throw new IllegalArgumentException("batch of " + n + " examples, expected 1 to "
                    + pool.worker(0).capacity() * pool.size());
        }
        this.data = data;
        this.order = order;
        this.from = from;
        this.size = n;
        pool.forEach(sliceTask);
        double sum = 0;
        for (double l : sliceLoss) {
            sum += l;
        }
        return sum;
    }

    /** How many examples of the last {@link #forwardBackward} had the true class as the most probable. */
    public int correct() {
        int right = 0;
        for (int c : sliceCorrect) {
            right += c;
        }
        return right;
    }

    /** The optimizer's step with the batch gradient of the last {@link #forwardBackward}. */
    public void update() {
        if (pool.size() == 1) {
            optimizer.step(model.parameters(), pool.worker(0).gradients());
        } else {
            optimizer.beginStep();
            pool.forEach(updateTask);
        }
    }

    /** The workers, e.g. to evaluate the model with the same buffers between epochs. */
    WorkerPool pool() { return pool; }

    /** Worker t's contiguous slice of the current batch. */
    private void slice(int t) {
        int threads = pool.size();
        int lo = from + (int) ((long) size * t / threads);
        int hi = from + (int) ((long) size * (t + 1) / threads);
        Worker w = pool.worker(t);
        w.load(data, order, lo, hi - lo);
        sliceLoss[t] = w.forwardBackward(hi - lo, size);
        sliceCorrect[t] = w.correct(hi - lo);
    }

    /**
     * Thread t's range of the parameters: gradient there = Σ over workers w = 0, 1, ... of worker
     * w's gradient, in that order; then the optimizer's step on that range.
     */
    private void update(int t) {
        int threads = pool.size();
        int lo = (int) ((long) gradient.length * t / threads);
        int hi = (int) ((long) gradient.length * (t + 1) / threads);
        System.arraycopy(pool.worker(0).gradients(), lo, gradient, lo, hi - lo);
        for (int w = 1; w < threads; w++) {
            float[] g = pool.worker(w).gradients();
            for (int i = lo; i < hi; i++) {
                gradient[i] += g[i];
            }
        }
        optimizer.stepRange(model.parameters(), gradient, lo, hi);
    }

    /** Stops the helper threads. */
    @Override
    public void close() {
        pool.close();
    }
}
