package org.tune4j.tuner.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Locale;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.Adam;
import org.tune4j.engine.train.Checkpoint;
import org.tune4j.engine.train.EpochStats;
import org.tune4j.engine.train.History;
import org.tune4j.engine.train.TrainConfig;
import org.tune4j.engine.train.Trainer;
import org.tune4j.engine.train.TrainingDivergedException;
import org.tune4j.engine.train.TrainingListener;
import org.tune4j.optimizer.prune.PruneDecision;
import org.tune4j.engine.train.TrainingMemory;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.ReportRecord;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StorageException;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The tutorial's fitness function: builds the network for a candidate, trains it with Adam,
 * and returns minus the validation accuracy after the last epoch. Each trial's epochs go to its
 * training log ({@code logs/<lr_..._relu>/training.csv} in a run directory) and a trial that beats
 * the best so far offers its model ({@link TrialArtifacts}).
 *
 * <p>With a pruner, the trial reports minus the validation accuracy at every checkpoint
 * ({@link TuneConfig#pruning()}: every epoch, or every {@code reportEvery} of one) to its
 * {@link TrialMonitor}; when the monitor says prune, training stops there and the trial is
 * pruned with that last value and the reason ("after 0.25 epoch: 10.6% < median 91.2% of 7 trials
 * at this step"). Its model is never the best model.
 *
 * <p>A trial that diverges (non-finite loss) or fails in any other way (an impossible network,
 * say) is a failed trial with value {@link #PENALTY} (accuracy 0), which the optimizer is told so
 * that it steers away from the region; the study goes on. A network too big to train within the
 * heap is refused before it is built ({@link TrainingMemory}), and an {@link OutOfMemoryError} that
 * still happens fails the trial (its network released first), not the study. A file that cannot be written (a
 * training log, the best model) is not the trial's failure: the {@link StorageException} stops
 * the study, carrying the trial's result when only its model was lost. Nothing of a trial is kept after it
 * returns, so memory stays flat from trial to trial.
 */
public final class TrainingEvaluator implements TrialEvaluator {
    /** The value of a failed trial: minus an accuracy of 0. */
    public static final double PENALTY = 0.0;

    private final DataSplits data;
    private final TuneConfig config;
    private final Space space;
    private final TrialArtifacts artifacts;
    private final TrainingListener progress;
    private final Set<String> usedLogDirs = new HashSet<>();

    /**
     * @param previous trials already finished (their log directories are not reused)
     * @param progress told about every epoch and batch (a progress bar); NONE for silence
     */
    public TrainingEvaluator(DataSplits data, TuneConfig config, Space space, RunLayout dir, BestModel best,
                             List<TrialRecord> previous, TrainingListener progress) {
        this(data, config, space, new RunDirectoryArtifacts(dir, best), previous, progress);
    }

    /**
     * @param artifacts where each trial's training log and (when it is the best) model go
     * @param previous  trials already finished (their log directories are not reused)
     * @param progress  told about every epoch and batch (a progress bar); NONE for silence
     */
    public TrainingEvaluator(DataSplits data, TuneConfig config, Space space, TrialArtifacts artifacts,
                             List<TrialRecord> previous, TrainingListener progress) {
        this.data = data;
        this.config = config;
        this.space = space;
        this.artifacts = artifacts;
        this.progress = progress;
        for (TrialRecord t : previous) {
            if (t.logDir() != null) {
                usedLogDirs.add(t.logDir());
            }
        }
    }

    @Override
    public TrialOutcome evaluate(TrialRequest request) {
        HyperParameters hp = HyperParameters.tutorialDefault(config.batchSize()).with(request.params());
        String logDir = logDirFor(hp);
        List<EpochRecord> history = new ArrayList<>();
        Sequential model = null;
        try {
            LabeledImages train = data.train();
            TrialPlan plan = hp.plan(train.channels(), train.height(), train.width(), train.classes());
            Sequential.Builder network = plan.network().builder();
            TrainingMemory.require(network.inputShape(), network.layers(), Math.min(plan.batchSize(), train.count()),
                    config.threads());
            model = network.build(config.trialSeed(request.number()));
            Trainer trainer = new Trainer(new TrainConfig(config.epochs(), plan.batchSize(),
                    config.trialSeed(request.number()), config.threads(), config.kernels(),
                    config.pruning().reportEvery()));
            EpochLogger logger = new EpochLogger(request.number(), history, logDir, request.monitor());
            History h = trainer.fit(model, new Adam(plan.learningRate()), train, data.validation(), logger);
            if (h.stopped()) {
                return TrialOutcome.pruned(request.monitor().lastValue(), logger.pruneReason, history, logDir,
                        request.monitor().reports());
            }
            double accuracy = h.last().valAccuracy();
            if (!Double.isFinite(accuracy) || !Double.isFinite(h.last().valLoss())) {
                return TrialOutcome.failed(PENALTY, "training diverged: validation loss " + h.last().valLoss(),
                        history, logDir);
            }
            TrialOutcome outcome = TrialOutcome.complete(-accuracy, history, logDir);
            try {
                artifacts.offer(request.number(), model, accuracy);
            } catch (StorageException e) {
                throw new UnsavedModelException(e.getMessage(), e.getCause(), outcome);
            }
            return outcome;
        } catch (StorageException e) {
            throw e;  // the run directory's failure, not the trial's: the study stops
        } catch (TrainingDivergedException e) {
            return TrialOutcome.failed(PENALTY, e.getMessage(), history, logDir);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TrialOutcome.failed(PENALTY, message, history, logDir);
        } catch (OutOfMemoryError e) {
            model = null;  // the trial's network and buffers become garbage before anything else is allocated
            return TrialOutcome.failed(PENALTY, "out of memory training this network (" + e.getMessage()
                    + "; this JVM may use at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MB)", history, logDir);
        }
    }

    /**
     * "after 0.25 epoch: 10.6% < median 91.2% of 7 trials at this step": the accuracy the rule
     * judged (the best so far for the percentile rules) against its threshold.
     */
    static String reason(Checkpoint c, PruneDecision d) {
        return String.format(Locale.ROOT, "after %s: %.1f%% < %s %.1f%% of %d trials at this step", epochs(c.epochs()),
                -100 * d.value(), d.rule(), -100 * d.threshold(), d.compared());
    }

    /** "0.25 epoch", "1 epoch", "2.5 epochs". */
    static String epochs(double e) {
        String n = BigDecimal.valueOf(e).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return n + (e <= 1 ? " epoch" : " epochs");
    }

    /** The original's directory name, made unique within the study if two trials share it. */
    private String logDirFor(HyperParameters hp) {
        String base = RunLayout.LOGS + "/" + hp.logDirName(space.names());
        String name = base;
        for (int i = 2; usedLogDirs.contains(name); i++) {
            name = base + "_" + i;
        }
        usedLogDirs.add(name);
        return name;
    }

    /**
     * Collects each epoch into the history and the trial's training.csv, forwards to the progress
     * bar, and reports each checkpoint to the trial's monitor.
     */
    private final class EpochLogger implements TrainingListener {
        private final int number;
        private final List<EpochRecord> history;
        private final String logDir;
        private final TrialMonitor monitor;
        private long epochStarted;
        String pruneReason;

        EpochLogger(int number, List<EpochRecord> history, String logDir, TrialMonitor monitor) {
            this.number = number;
            this.history = history;
            this.logDir = logDir;
            this.monitor = monitor;
        }

        @Override
        public Action onCheckpoint(Checkpoint c) {
            if (!monitor.records() || !Double.isFinite(c.valAccuracy())) {
                return Action.CONTINUE;
            }
            PruneDecision d = monitor.report(new ReportRecord(c.step(), -c.valAccuracy(), c.epochs(), c.imagesSeen()),
                    c.last());
            if (!d.prune()) {
                return Action.CONTINUE;
            }
            pruneReason = reason(c, d);
            return Action.STOP;
        }

        @Override
        public void onEpochStart(int epoch, int batches) {
            epochStarted = System.nanoTime();
            progress.onEpochStart(epoch, batches);
        }

        @Override
        public void onBatchEnd(int epoch, int batch, double loss, long imagesSoFar) {
            progress.onBatchEnd(epoch, batch, loss, imagesSoFar);
        }

        @Override
        public void onEpochEnd(EpochStats s) {
            double seconds = (System.nanoTime() - epochStarted) / 1e9;
            history.add(new EpochRecord(s.epoch(), s.loss(), s.accuracy(), s.valLoss(), s.valAccuracy(), seconds));
            artifacts.epochs(number, logDir, List.copyOf(history));
            progress.onEpochEnd(s);
        }
    }
}
