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
 */
public record TrainConfig(int epochs, int batchSize, long seed, int threads, KernelMode kernels) {

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
    }
}
