package org.tune4j.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.GradientOptimizer;

/**
 * Mini-batch training with data-parallel workers.
 *
 * <p>Each epoch shuffles the training set (Fisher-Yates from a {@link SplittableRandom} seeded with
 * {@link TrainConfig#seed()}) and walks it in batches of {@link TrainConfig#batchSize()}, each one
 * {@link TrainingStep}: the batch is cut into {@code threads} contiguous slices, one per worker;
 * the workers' gradients are summed in worker order (so a run is reproducible for a given seed
 * and thread count) and the optimizer takes one step. Worker 0 runs on the calling thread, the
 * others on helper threads that live for one fit.
 * After each epoch the validation set is evaluated, and also after every
 * {@link TrainConfig#reportEvery()} of an epoch when that is below 1; each evaluation is a
 * {@link Checkpoint} handed to the listener, which may ask training to stop there (a pruner does):
 * fit then returns a history marked {@link History#stopped()}.
 *
 * <p>Not here: the rule that decides to stop, learning-rate schedules, model files (callers use
 * the listener).
 */
public final class Trainer {

    /**
     * Batches at the start of the first epoch left out of {@link EpochStats#steadyImagesPerSecond}
     * (JIT compilation and cache warm-up), as the PyTorch reference does.
     */
    public static final int WARMUP_BATCHES = 20;

    private final TrainConfig config;

    public Trainer(TrainConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TrainConfig config() { return config; }

    /**
     * Trains {@code model} in place.
     *
     * @param validation evaluated at every checkpoint; may be null (then valLoss and valAccuracy are NaN)
     * @param listener   progress callbacks, on this thread; {@link TrainingListener#NONE} for none; it
     *                   may stop training at a checkpoint
     * @throws TrainingDivergedException when a batch loss is not finite
     */
    public History fit(Sequential model, GradientOptimizer optimizer, LabeledImages train, LabeledImages validation,
                       TrainingListener listener) {
        WorkerPool.checkCompatible(model, train, "training set");
        if (validation != null) {
            WorkerPool.checkCompatible(model, validation, "validation set");
        }
        if (train.count() == 0) {
            throw new IllegalArgumentException("training set is empty");
        }
        int threads = config.threads();
        int batch = Math.min(config.batchSize(), train.count());  // a batch never holds more than the set
        try (TrainingStep step = new TrainingStep(model, optimizer, batch, threads, config.kernels())) {
            Epochs run = new Epochs(model, train, step, listener == null ? TrainingListener.NONE : listener);
            List<EpochStats> epochs = new ArrayList<>();
            for (int epoch = 1; epoch <= config.epochs() && !run.stopped; epoch++) {
                EpochStats stats = run.epoch(epoch, validation);
                if (stats == null) {
                    break;  // stopped at an intermediate checkpoint
                }
                epochs.add(stats);
                run.listener.onEpochEnd(stats);
                run.checkpoint(epoch, (long) epoch * train.count(), stats.valLoss(), stats.valAccuracy(),
                        epoch == config.epochs());
            }
            return new History(epochs, run.checkpoints, run.stopped);
        }
    }

    /** The state of one fit: the shuffling order and the step; all sized once. */
    private final class Epochs {
        final Sequential model;
        final LabeledImages train;
        final TrainingStep step;
        final TrainingListener listener;
        final SplittableRandom rng = new SplittableRandom(config.seed());
        final int[] order;          // (count): this epoch's permutation
        final List<Checkpoint> checkpoints = new ArrayList<>();
        boolean stopped;            // the listener asked to stop at a checkpoint

        Epochs(Sequential model, LabeledImages train, TrainingStep step, TrainingListener listener) {
            this.model = model;
            this.train = train;
            this.step = step;
            this.listener = listener;
            this.order = new int[train.count()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }

        EpochStats epoch(int epoch, LabeledImages validation) {
            shuffle();
            int count = order.length;
            int batchSize = Math.min(config.batchSize(), count);  // the same batches, no int overflow
            int batches = (count + batchSize - 1) / batchSize;
            listener.onEpochStart(epoch, batches);
            long start = System.nanoTime();
            long steadyStart = start;   // after the warm-up batches of the first epoch
            int steadyFrom = 0;
            double lossSum = 0;
            long correct = 0;
            int[] reportAfter = config.checkpointBatches(batches);
            int nextReport = 0;
            for (int b = 0; b < batches; b++) {
                if (epoch == 1 && b == WARMUP_BATCHES && batches > 2 * WARMUP_BATCHES) {
                    steadyStart = System.nanoTime();
                    steadyFrom = b * batchSize;
                }
                int from = b * batchSize;
                int n = Math.min(batchSize, count - from);
                double batchLoss = step.forwardBackward(train, order, from, n) / n;
                if (!Double.isFinite(batchLoss)) {
                    throw new TrainingDivergedException(epoch, b, batchLoss);
                }
                step.update();
                lossSum += batchLoss * n;
                correct += step.correct();
                listener.onBatchEnd(epoch, b, batchLoss, (long) from + n);
                if (nextReport < reportAfter.length && reportAfter[nextReport] == b) {
                    nextReport++;
                    if (intermediateCheckpoint(epoch, (long) from + n, validation)) {
                        return null;
                    }
                }
            }
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            double steadySeconds = (end - steadyStart) / 1e9;
            double valLoss = Double.NaN;
            double valAccuracy = Double.NaN;
            if (validation != null) {
                Evaluation ev = Evaluator.evaluate(validation, step.pool());
                valLoss = ev.loss();
                valAccuracy = ev.accuracy();
            }
            return new EpochStats(epoch, lossSum / count, (double) correct / count, valLoss, valAccuracy,
                    seconds, count / seconds, (count - steadyFrom) / steadySeconds);
        }

        /** Validation in the middle of an epoch; true when the listener asks to stop. */
        private boolean intermediateCheckpoint(int epoch, long imagesInEpoch, LabeledImages validation) {
            double valLoss = Double.NaN;
            double valAccuracy = Double.NaN;
            if (validation != null) {
                Evaluation ev = Evaluator.evaluate(validation, step.pool());
                valLoss = ev.loss();
                valAccuracy = ev.accuracy();
            }
            checkpoint(epoch, (long) (epoch - 1) * train.count() + imagesInEpoch, valLoss, valAccuracy, false);
            return stopped;
        }

        /** Records a checkpoint and asks the listener whether to go on. */
        void checkpoint(int epoch, long imagesSeen, double valLoss, double valAccuracy, boolean last) {
            Checkpoint c = new Checkpoint(checkpoints.size() + 1, epoch, (double) imagesSeen / train.count(),
                    imagesSeen, valLoss, valAccuracy, last);
            checkpoints.add(c);
            stopped = listener.onCheckpoint(c) == TrainingListener.Action.STOP;
        }

        private void shuffle() {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
    }
}
