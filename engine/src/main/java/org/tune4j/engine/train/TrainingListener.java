package org.tune4j.engine.train;

/**
 * Progress callbacks from {@link Trainer#fit}, all on the thread that called fit, in this order:
 * per epoch {@link #onEpochStart}, then {@link #onBatchEnd} per mini-batch, then {@link #onEpochEnd}
 * after validation. Every method defaults to doing nothing. A listener may throw to stop training.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /** @param epoch 1-based; @param batches mini-batches this epoch will run */
    default void onEpochStart(int epoch, int batches) {
    }

    /**
     * @param epoch       1-based
     * @param batch       0-based index within the epoch
     * @param loss        mean loss of this mini-batch
     * @param imagesSoFar training images processed in this epoch, including this batch
     */
    default void onBatchEnd(int epoch, int batch, double loss, long imagesSoFar) {
    }

    /** After the epoch's validation. */
    default void onEpochEnd(EpochStats stats) {
    }
}
