package org.tune4j.engine.train;

/**
 * One intermediate validation report of {@link Trainer#fit}: the model evaluated on the
 * validation set after a given amount of training, for pruning rules (median stopping, successive
 * halving) and learning curves. Checkpoints come at the end of every epoch and, with
 * {@link TrainConfig#reportEvery()} below 1, at every such fraction of an epoch in between.
 *
 * @param step        1-based index of the checkpoint within the fit (the same schedule gives every
 *                    trial the same steps, so steps compare across trials)
 * @param epoch       1-based epoch during which it was taken
 * @param epochs      training done so far in epochs ({@code 0.25}, {@code 1.0}, {@code 2.75}, ...)
 * @param imagesSeen  training images processed since the fit started
 * @param valLoss     mean validation loss (NaN without a validation set)
 * @param valAccuracy validation accuracy in [0, 1] (NaN without a validation set)
 * @param last        true for the fit's final checkpoint (the end of the last epoch)
 */
public record Checkpoint(int step, int epoch, double epochs, long imagesSeen, double valLoss, double valAccuracy,
                         boolean last) {
    public Checkpoint {
        if (step < 1 || epoch < 1) {
            throw new IllegalArgumentException("checkpoint: expected step and epoch >= 1, found " + step + " and " + epoch);
        }
    }
}
