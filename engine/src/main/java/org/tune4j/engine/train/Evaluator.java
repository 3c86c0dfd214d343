package org.tune4j.engine.train;

import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.model.Sequential;

/**
 * Runs a model forward over a labelled set on several threads and collects loss, accuracy,
 * confusion matrix, predictions and probabilities. Results do not depend on the thread count
 * (up to the order in which the loss is summed, which is fixed per chunk).
 */
public final class Evaluator {

    /** Examples each worker passes through the network at once. */
    static final int CHUNK = 128;

    private final int threads;
    private final KernelMode kernels;

    public Evaluator(int threads, KernelMode kernels) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        this.threads = threads;
        this.kernels = java.util.Objects.requireNonNull(kernels, "kernels");
    }

    /**
     * Evaluates {@code model} on {@code data}; the model is not changed.
     *
     * @throws IllegalArgumentException when {@code data} is empty (no accuracy of 0.00% for no images) or does not fit the model
     */
    public Evaluation evaluate(Sequential model, LabeledImages data) {
        WorkerPool.checkCompatible(model, data, "evaluation set");
        if (data.count() == 0) {
            throw new IllegalArgumentException("the evaluation set holds no images: there is nothing to measure an accuracy on");
        }
        try (WorkerPool pool = new WorkerPool(model, threads, CHUNK, kernels)) {
            return evaluate(data, pool);
        }
    }

    /** Evaluates with existing workers (the trainer's, for validation). Chunk c runs on worker c mod threads. */
    static Evaluation evaluate(LabeledImages data, WorkerPool pool) {
        int count = data.count();
        int classes = data.classes();
        int chunk = pool.worker(0).capacity();
        int chunks = (count + chunk - 1) / chunk;
        double[] chunkLoss = new double[chunks];
        int[] predicted = new int[count];
        float[] probabilities = new float[count * classes];
        long start = System.nanoTime();
        pool.forEach(t -> {
            Worker w = pool.worker(t);
            for (int c = t; c < chunks; c += pool.size()) {
                int from = c * chunk;
                int n = Math.min(chunk, count - from);
                w.loadRange(data, from, n);
                chunkLoss[c] = w.forward(n);
                System.arraycopy(w.probabilities(), 0, probabilities, from * classes, n * classes);
                for (int j = 0; j < n; j++) {
                    predicted[from + j] = w.predicted(j);
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double lossSum = 0;
        for (double l : chunkLoss) {
            lossSum += l;
        }
        int[][] confusion = new int[classes][classes];
        int right = 0;
        for (int i = 0; i < count; i++) {
            confusion[data.labels()[i]][predicted[i]]++;
            right += data.labels()[i] == predicted[i] ? 1 : 0;
        }
        double n = Math.max(count, 1);
        return new Evaluation(lossSum / n, right / n, confusion, predicted, probabilities, seconds);
    }
}
