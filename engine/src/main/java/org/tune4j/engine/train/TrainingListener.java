package org.tune4j.engine.train;

/**
 * Progress callbacks from {@link Trainer#fit}, all on the thread that called fit, in this order:
 * per epoch {@link #onEpochStart}, then {@link #onBatchEnd} per mini-batch, with
 * {@link #onCheckpoint} after the batches where {@link TrainConfig#reportEvery()} places an
 * intermediate validation, then {@link #onEpochEnd} after the epoch's validation, followed by that
 * epoch-end {@link #onCheckpoint}. Every method defaults to doing nothing (and to continuing).
 *
 * <p>{@link #onCheckpoint} may ask training to stop ({@link Action#STOP}, as a pruner does):
 * fit then returns at once a {@link History} whose {@link History#stopped()} is true. A listener
 * may also throw to abort training (an error, not a stop).
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /** What training does after a checkpoint. */
    enum Action {
        /** Go on training. */
        CONTINUE,
        /** Stop here: fit returns a history marked stopped (the model keeps its current parameters). */
        STOP
    }

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

    /** After each intermediate or epoch-end validation; returns whether to go on. */
    default Action onCheckpoint(Checkpoint checkpoint) {
        return Action.CONTINUE;
    }
}
