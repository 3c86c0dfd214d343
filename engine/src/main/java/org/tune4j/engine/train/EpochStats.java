package org.tune4j.engine.train;

/**
 * What one epoch of {@link Trainer#fit} measured.
 *
 * @param epoch           1-based
 * @param loss            mean training loss over the epoch's examples (the model changes during the epoch)
 * @param accuracy        fraction of training examples classified right, counted as each batch ran
 * @param valLoss         mean loss on the validation set after the epoch (NaN without validation)
 * @param valAccuracy     validation accuracy after the epoch (NaN without validation)
 * @param seconds         wall time of the training pass (the epoch-end validation excluded; intermediate
 *                        checkpoints, when {@link TrainConfig#reportEvery()} asks for them, included)
 * @param imagesPerSecond training examples per second of {@code seconds}
 * @param steadyImagesPerSecond the same without the first {@link Trainer#WARMUP_BATCHES} batches of
 *                  the first epoch (JIT and cache warm-up), as the PyTorch reference measures;
 *                  equal to imagesPerSecond for later epochs and for epochs too short to split
 */
public record EpochStats(int epoch, double loss, double accuracy, double valLoss, double valAccuracy,
                         double seconds, double imagesPerSecond, double steadyImagesPerSecond) {
}
