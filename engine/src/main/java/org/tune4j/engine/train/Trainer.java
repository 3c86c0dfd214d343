package org.tune4j.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.GradientOptimizer;

/**
 * Mini-batch training with data-parallel workers.
 *
 * <p>Each epoch shuffles the training set (Fisher-Yates from a {@link SplittableRandom} seeded with
 * {@link TrainConfig#seed()}) and walks it in batches of {@link TrainConfig#batchSize()}. Each
 * batch is cut into {@code threads} contiguous slices; worker t computes the forward and backward
 * pass of slice t with its own buffers; the workers' gradients are summed in worker order (so a
 * run is reproducible for a given seed and thread count) and the optimizer takes one step. Worker
 * 0 runs on the calling thread, the others on helper threads that live for one fit.
 * After each epoch the validation set is evaluated.
 *
 * <p>Not here: early stopping, learning-rate schedules, checkpoints (callers use the listener).
 */
public final class Trainer {

    private final TrainConfig config;

    public Trainer(TrainConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TrainConfig config() { return config; }

    /**
     * Trains {@code model} in place.
     *
     * @param validation evaluated after every epoch; may be null (then valLoss and valAccuracy are NaN)
     * @param listener   progress callbacks, on this thread; {@link TrainingListener#NONE} for none
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
        optimizer.initialize(model.parameterCount());
        int threads = config.threads();
        int capacity = (config.batchSize() + threads - 1) / threads;
        try (WorkerPool pool = new WorkerPool(model, threads, capacity, config.kernels())) {
            Epochs run = new Epochs(model, optimizer, train, pool, listener == null ? TrainingListener.NONE : listener);
            List<EpochStats> epochs = new ArrayList<>();
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                EpochStats stats = run.epoch(epoch, validation);
                epochs.add(stats);
                run.listener.onEpochEnd(stats);
            }
            return new History(epochs);
        }
    }

    /** The state of one fit: shuffling order, gradient sum and per-slice results, all sized once. */
    private final class Epochs {
        final Sequential model;
        final GradientOptimizer optimizer;
        final LabeledImages train;
        final WorkerPool pool;
        final TrainingListener listener;
        final SplittableRandom rng = new SplittableRandom(config.seed());
        final int[] order;          // (count): this epoch's permutation
        final float[] gradient;     // (parameterCount): the batch gradient, summed over workers
        final double[] sliceLoss;   // (threads)
        final int[] sliceCorrect;   // (threads)
        final IntConsumer sliceTask = this::slice;    // created once: a training step allocates nothing
        final IntConsumer reduceTask = this::reduce;
        int currentFrom;            // the current batch: order[currentFrom, currentFrom + currentSize)
        int currentSize;

        Epochs(Sequential model, GradientOptimizer optimizer, LabeledImages train, WorkerPool pool, TrainingListener listener) {
            this.model = model;
            this.optimizer = optimizer;
            this.train = train;
            this.pool = pool;
            this.listener = listener;
            this.order = new int[train.count()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            this.gradient = pool.size() == 1 ? null : new float[model.parameterCount()];
            this.sliceLoss = new double[pool.size()];
            this.sliceCorrect = new int[pool.size()];
        }

        EpochStats epoch(int epoch, LabeledImages validation) {
            shuffle();
            int count = order.length;
            int batchSize = config.batchSize();
            int batches = (count + batchSize - 1) / batchSize;
            listener.onEpochStart(epoch, batches);
            long start = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int n = Math.min(batchSize, count - from);
                double batchLoss = step(from, n) / n;
                if (!Double.isFinite(batchLoss)) {
                    throw new TrainingDivergedException(epoch, b, batchLoss);
                }
                optimizer.step(model.parameters(), batchGradient());
                lossSum += batchLoss * n;
                for (int c : sliceCorrect) {
                    correct += c;
                }
                listener.onBatchEnd(epoch, b, batchLoss, (long) from + n);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double valLoss = Double.NaN;
            double valAccuracy = Double.NaN;
            if (validation != null) {
                Evaluation ev = Evaluator.evaluate(validation, pool);
                valLoss = ev.loss();
                valAccuracy = ev.accuracy();
            }
            return new EpochStats(epoch, lossSum / count, (double) correct / count, valLoss, valAccuracy,
                    seconds, count / seconds);
        }

        /** Forward and backward of examples order[from, from + n) split over the workers; returns the loss sum. */
        double step(int from, int n) {
            currentFrom = from;
            currentSize = n;
            pool.forEach(sliceTask);
            double sum = 0;
            for (double l : sliceLoss) {
                sum += l;
            }
            return sum;
        }

        /** Worker t's contiguous slice of the current batch. */
        private void slice(int t) {
            int threads = pool.size();
            int lo = currentFrom + (int) ((long) currentSize * t / threads);
            int hi = currentFrom + (int) ((long) currentSize * (t + 1) / threads);
            Worker w = pool.worker(t);
            w.load(train, order, lo, hi - lo);
            sliceLoss[t] = w.forwardBackward(hi - lo, currentSize);
            sliceCorrect[t] = w.correct(hi - lo);
        }

        /** The workers' gradients summed in worker order; each thread sums one range of parameters. */
        float[] batchGradient() {
            if (pool.size() == 1) {
                return pool.worker(0).gradients();
            }
            pool.forEach(reduceTask);
            return gradient;
        }

        /** gradient[range t] = Σ over workers w = 0, 1, ... of worker w's gradient, in that order. */
        private void reduce(int t) {
            int threads = pool.size();
            int lo = (int) ((long) gradient.length * t / threads);
            int hi = (int) ((long) gradient.length * (t + 1) / threads);
            System.arraycopy(pool.worker(0).gradients(), lo, gradient, lo, hi - lo);
            for (int w = 1; w < threads; w++) {
                float[] g = pool.worker(w).gradients();
                for (int i = lo; i < hi; i++) {
                    gradient[i] += g[i];
                }
            }
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
