package org.tune4j.engine.train;

import java.util.List;

/**
 * The record of one {@link Trainer#fit} call.
 *
 * @param epochs      the completed epochs' statistics, in epoch order (an epoch cut short by a
 *                    stop is not among them)
 * @param checkpoints every validation checkpoint, in order (one per epoch unless
 *                    {@link TrainConfig#reportEvery()} asks for more)
 * @param stopped     true when a listener asked training to stop ({@link TrainingListener.Action#STOP})
 */
public record History(List<EpochStats> epochs, List<Checkpoint> checkpoints, boolean stopped) {

    public History {
        epochs = List.copyOf(epochs);
        checkpoints = List.copyOf(checkpoints);
    }

    /** A full run's history without checkpoints (for callers that build one by hand). */
    public History(List<EpochStats> epochs) {
        this(epochs, List.of(), false);
    }

    /** The last epoch's statistics; fails for an empty history. */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("history has no epochs");
        }
        return epochs.get(epochs.size() - 1);
    }
}
