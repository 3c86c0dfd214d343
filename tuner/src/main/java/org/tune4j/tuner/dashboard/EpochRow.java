package org.tune4j.tuner.dashboard;

/**
 * One point of a trial's learning curve as the dashboard shows it: an epoch's training loss and
 * accuracy and its validation accuracy (and loss). Read from the journal's {@code history} of a
 * finished trial or from the {@code training.csv} of the trial in flight; NaN where a file leaves
 * a value out.
 */
record EpochRow(int epoch, double loss, double accuracy, double valLoss, double valAccuracy, double seconds) {
}
