package org.tune4j.engine.train;

import java.util.Objects;
import org.tune4j.engine.kernel.KernelMode;

/**
 * How to train: the tutorial uses 3 epochs of batch 128.
 *
 * @param epochs    passes over the training set, at least 1
 * @param batchSize examples per gradient step, at least 1 (the last batch of an epoch may be smaller)
 * @param seed      drives the per-epoch shuffling (the model's initialisation has its own seed)
 * @param threads   workers that split each mini-batch, at least 1; results are reproducible for a
 *                  given seed and thread count
 * @param kernels   which matrix kernels the workers use
 * @param reportEvery validation checkpoints every this fraction of an epoch, in (0, 1]: 1 (the
 *                  tutorial's) evaluates after each epoch only; 0.25 also after each quarter
 *                  (see {@link Checkpoint})
 */
public record TrainConfig(int epochs, int batchSize, long seed, int threads, KernelMode kernels, double reportEvery) {

    /** The tutorial's schedule: 3 epochs of batch 128. */
    public static final int DEFAULT_EPOCHS = 3;
    public static final int DEFAULT_BATCH_SIZE = 128;

    public TrainConfig {
        Objects.requireNonNull(kernels, "kernels");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, found " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, found " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        if (!(reportEvery > 0 && reportEvery <= 1)) {
            throw new IllegalArgumentException("report every: expected a fraction of an epoch in (0, 1], found "
                    + reportEvery);
        }
    }

    /** Validation after each epoch only ({@code reportEvery} 1). */
    public TrainConfig(int epochs, int batchSize, long seed, int threads, KernelMode kernels) {
        this(epochs, batchSize, seed, threads, kernels, 1.0);
    }

    /**
     * The 0-based batches of an epoch of {@code batches} after which an intermediate checkpoint is
     * taken: the first batch whose end reaches k * reportEvery of the epoch, for each k with
     * k * reportEvery below 1 (the epoch's end has its own checkpoint). Empty for reportEvery 1.
     */
    public int[] checkpointBatches(int batches) {
        if (batches < 2 || reportEvery == 1) {
            return new int[0];
        }
        if (reportEvery * batches <= 1) {   // a multiple of reportEvery falls in every batch: each one reports
            int[] all = new int[batches - 1];
            for (int b = 0; b < all.length; b++) {
                all[b] = b;
            }
            return all;
        }
        int[] out = new int[batches];       // fewer than batches fractions here
        int n = 0;
        for (int k = 1; k * reportEvery < 1 - 1e-9; k++) {
            int b = (int) Math.ceil(k * reportEvery * batches - 1e-9) - 1;
            if (b >= 0 && b < batches - 1 && (n == 0 || out[n - 1] < b)) {
                out[n++] = b;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
