package org.tune4j.tuner.storage;

/**
 * One epoch of a trial's training, as kept in {@code results.json} and {@code training.csv}.
 *
 * @param epoch       1-based epoch number
 * @param loss        mean training loss over the epoch
 * @param accuracy    training accuracy over the epoch, in [0, 1]
 * @param valLoss     validation loss after the epoch
 * @param valAccuracy validation accuracy after the epoch, in [0, 1]
 * @param seconds     wall time of the epoch including validation
 */
public record EpochRecord(int epoch, double loss, double accuracy, double valLoss, double valAccuracy, double seconds) {
}
