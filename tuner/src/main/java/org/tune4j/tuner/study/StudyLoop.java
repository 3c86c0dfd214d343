package org.tune4j.tuner.study;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.optimizer.prune.TrialReports;
import org.tune4j.tuner.storage.StorageException;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The one study loop of {@code tune} and {@code minimize}, whichever {@link StudyStorage} holds
 * the study: a run directory ({@link RunDirectoryStorage}) or a database shared by workers
 * ({@link PostgresStorage}, one loop per worker).
 *
 * <p>Per trial: the storage hands out the next trial ({@link StudyStorage#next}: a given point
 * such as the tutorial's x0, or a new point of the optimizer); it is evaluated, its heartbeat
 * refreshed meanwhile when the storage leases trials ({@link StudyStorage#heartbeat}); the
 * finished trial is recorded ({@link StudyStorage#record}: the journal forced to disk, or the
 * database). The loop ends when the storage says the study has its {@code calls} finished trials
 * (or its space is exhausted), and waits, polling, while the rest of the budget runs elsewhere.
 * A storage that cannot be written ({@link StorageException}: a full disk) stops the study with
 * one message ({@link StudyStorage#stopped}); a trial whose only loss was its model file is
 * recorded with its real result first. Ctrl-C hands a leased trial back to the queue for the next
 * worker; a run directory's trial in flight is simply not recorded, and the study resumes without it.
 *
 * <p>With a pruner, each trial gets a {@link TrialMonitor} that judges its intermediate reports
 * against those of every trial finished when it was handed out (a resumed study's journal
 * included, so it judges as the uninterrupted one would); a pruned trial is recorded with its
 * reports, state {@code pruned} and reason, and told to the optimizer like the others
 * ({@link OptimizerReplay}: its last intermediate value).
 */
public final class StudyLoop {
    private final StudyStorage storage;
    private final int calls;
    private final Pruner pruner;
    private final TrialEvaluator evaluator;
    private final StudyListener listener;
    private volatile boolean stopping;
    private volatile int running;

    /**
     * @param calls  the study's budget: its total of finished trials when done (all workers')
     * @param pruner judges each trial's intermediate reports; null when the study records none
     *               (trials get {@link TrialMonitor#NONE})
     */
    public StudyLoop(StudyStorage storage, int calls, Pruner pruner, TrialEvaluator evaluator, StudyListener listener) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls: expected at least 1, found " + calls);
        }
        this.storage = storage;
        this.calls = calls;
        this.pruner = pruner;
        this.evaluator = evaluator;
        this.listener = listener;
    }

    /** The loop of a study in a run directory ({@link RunDirectoryStorage}), as {@code plan} describes it. */
    public StudyLoop(StudyPlan plan, TrialEvaluator evaluator, StudyListener listener) {
        this(new RunDirectoryStorage(plan.dir(), plan.description(), plan.optimizer(), plan.givenPoints()),
                plan.calls(), plan.pruner(), evaluator, listener);
    }

    /** What a finished (or exhausted) study holds. */
    public record Outcome(List<TrialRecord> trials, Optional<ExpectedMinimum> expectedMinimum) {
    }

    /** Runs until the study has {@code calls} trials (or the space is exhausted); returns all its finished trials. */
    public Outcome run() {
        try {
            try {
                storage.begin(calls, listener);
                return runBegun();
            } catch (StorageException e) {
                throw storage.stopped(e);
            }
        } finally {
            storage.close();
        }
    }

    private Outcome runBegun() {
        Optional<Duration> heartbeat = storage.heartbeat();
        ScheduledExecutorService beats = heartbeat.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tune4j-heartbeat");
            t.setDaemon(true);
            return t;
        });
        Thread release = heartbeat.isEmpty() ? null : new Thread(this::releaseRunning, "tune4j-release-on-interrupt");
        if (release != null) {
            Runtime.getRuntime().addShutdownHook(release);
        }
        try {
            while (true) {
                StudyStorage.Next next = storage.next(calls, listener);
                if (next instanceof StudyStorage.Done done) {
                    Optional<ExpectedMinimum> expected = storage.expectedMinimum(done.finished());
                    storage.end(done.finished(), expected);
                    return new Outcome(done.finished(), expected);
                }
                if (next instanceof StudyStorage.Claim claim) {
                    evaluate(claim, beats, heartbeat);
                } else {
                    pause(Math.min(heartbeat.map(Duration::toMillis).orElse(1000L), 1000));
                }
            }
        } finally {
            if (beats != null) {
                beats.shutdownNow();
            }
            if (release != null) {
                removeHook(release);
            }
        }
    }

    private void evaluate(StudyStorage.Claim claim, ScheduledExecutorService beats, Optional<Duration> heartbeat) {
        int number = claim.number();
        listener.trialStarted(number, calls, claim.params());
        ScheduledFuture<?> beat = beats == null ? null : beats.scheduleAtFixedRate(() -> beat(number),
                heartbeat.get().toMillis(), heartbeat.get().toMillis(), TimeUnit.MILLISECONDS);
        TrialMonitor monitor = pruner == null ? TrialMonitor.NONE
                : TrialMonitor.of(number, pruner, reportsOf(claim.finished()));
        long started = System.nanoTime();
        TrialOutcome outcome;
        UnsavedModelException unsaved = null;
        running = number;
        try {
            outcome = evaluator.evaluate(new TrialRequest(number, claim.params(), monitor));
        } catch (UnsavedModelException e) {
            outcome = e.outcome();  // the trial's real result is recorded, then the study stops
            unsaved = e;
        } finally {
            if (beat != null) {
                beat.cancel(false);
            }
            running = 0;
        }
        if (stopping) {
            return;  // interrupted: the trial was handed back, its (killed) evaluation is not a result
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        TrialRecord trial = new TrialRecord(number, claim.params(), outcome.value(), outcome.state(), outcome.error(),
                seconds, outcome.history(), outcome.logDir(),
                monitor.records() ? monitor.reports() : outcome.reports(), outcome.pruneReason());
        record(trial, unsaved);
    }

    /** Records the finished trial; then a trial whose model alone was lost stops the study. */
    private void record(TrialRecord trial, UnsavedModelException unsaved) {
        boolean recorded = storage.record(trial);
        if (unsaved != null) {
            throw new StorageException("trial " + trial.number() + " finished (its result is in the journal), but "
                    + unsaved.getMessage(), unsaved.getCause());
        }
        if (recorded) {
            listener.trialFinished(trial);
        } else {
            listener.warning("trial " + trial.number() + " already has a result (this worker was taken for lost); "
                    + "this worker's result is discarded, not counted twice");
        }
    }

    private void beat(int number) {
        try {
            if (!storage.beat(number)) {
                listener.warning("trial " + number + " was taken for lost by another worker; it goes on here, and "
                        + "the first result recorded counts");
            }
        } catch (RuntimeException e) {
            listener.warning("heartbeat of trial " + number + " not recorded: " + e.getMessage());
        }
    }

    /** Ctrl-C (SIGINT, SIGTERM) on leased trials: the running trial goes back to the queue for the next worker. */
    private void releaseRunning() {
        stopping = true;
        int number = running;
        if (number > 0) {
            try {
                if (storage.release(number)) {
                    System.err.println("tune4j: trial " + number + " interrupted; re-queued for the next worker");
                }
            } catch (RuntimeException e) {
                System.err.println("tune4j: trial " + number + " interrupted; not re-queued (" + e.getMessage()
                        + "): it is re-queued when its heartbeat is found silent");
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The finished trials' reports as a pruner reads them. */
    static List<TrialReports> reportsOf(List<TrialRecord> trials) {
        List<TrialReports> out = new ArrayList<>(trials.size());
        for (TrialRecord t : trials) {
            Map<Integer, Double> values = new TreeMap<>();
            t.reports().forEach(r -> values.put(r.step(), r.value()));
            out.add(TrialReports.of(t.number(), t.state(), values));
        }
        return out;
    }
}
