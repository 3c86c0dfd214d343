package org.tune4j.tuner.study;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.SpaceExhaustedException;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgStudy;

/**
 * One worker of a study shared in a database ({@link PgStudy}): the loop of {@link StudyLoop}
 * with the database in place of the journal.
 *
 * <p>Per trial: {@link PgStudy#next} (under the study's lock) hands out a lost trial's point
 * again or a new point: a given one (the tutorial's x0) for the first numbers, else one the
 * {@link SharedProposer} proposes outside the lock (the finished trials replayed, the running and
 * queued ones pending: constant liar, one surrogate fit per ask); the point
 * is evaluated while a daemon thread refreshes its heartbeat every {@code heartbeat}; the result
 * is recorded ({@link PgStudy#finish}, retried while the database is away, so it is kept until
 * written). Ctrl-C hands the running trial back to the queue. The worker stops when the study has {@code calls} finished trials; while the rest of
 * the budget is running on other workers it waits, polling, so it can take over a lost trial.
 */
public final class StudyWorker {
    private final PgStudy study;
    private final int calls;
    private final Pruner pruner;
    private final TrialEvaluator evaluator;
    private final StudyListener listener;
    private final Duration heartbeat;
    private final SharedProposer proposer;
    private final SharedArtifacts models;
    private volatile boolean stopping;
    private volatile int running;

    /**
     * @param pruner    the study's pruner, or null
     * @param heartbeat how often a running trial's heartbeat is refreshed (also the waiting poll)
     */
    public StudyWorker(PgStudy study, Space space, OptimizerConfig optimizer, int calls, Pruner pruner,
                       TrialEvaluator evaluator, StudyListener listener, Duration heartbeat) {
        this(study, space, optimizer, calls, pruner, evaluator, listener, heartbeat, List.of(), null);
    }

    /**
     * A worker of a study that starts with given points and keeps its best model (the tutorial's).
     *
     * @param givenPoints the study's first trials' points (the tutorial's x0), handed out before any
     *                    asked one: trial {@code k} gets {@code givenPoints[k - 1]}, once across workers
     * @param models      the evaluator's kept model bytes, recorded with each trial
     *                    ({@link PgStudy#finish(TrialRecord, byte[])}); null when the study keeps no model
     */
    public StudyWorker(PgStudy study, Space space, OptimizerConfig optimizer, int calls, Pruner pruner,
                       TrialEvaluator evaluator, StudyListener listener, Duration heartbeat,
                       List<Map<String, Object>> givenPoints, SharedArtifacts models) {
        this.models = models;
        this.study = study;
        this.proposer = new SharedProposer(space, optimizer, givenPoints);
        this.calls = calls;
        this.pruner = pruner;
        this.evaluator = evaluator;
        this.listener = listener;
        this.heartbeat = heartbeat;
    }

    /** Works until the study has its budget; returns the study's finished trials (all workers'). */
    public StudyLoop.Outcome run() {
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tune4j-heartbeat");
            t.setDaemon(true);
            return t;
        });
        Thread interrupted = new Thread(this::releaseRunning, "tune4j-release-on-interrupt");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            while (true) {
                PgStudy.Next next;
                try {
                    next = study.next(calls, proposer, listener::warning);
                } catch (SpaceExhaustedException e) {
                    listener.warning("this worker stops: " + e.getMessage());
                    return outcome(study.finished());
                }
                if (next instanceof PgStudy.Done done) {
                    return outcome(done.finished());
                }
                if (next instanceof PgStudy.Claim claim) {
                    evaluate(claim, beats);
                } else {
                    pause(Math.min(heartbeat.toMillis(), 1000));
                }
            }
        } finally {
            beats.shutdownNow();
            removeHook(interrupted);
        }
    }

    /** Ctrl-C (SIGINT, SIGTERM): the running trial goes back to the queue for the next worker. */
    private void releaseRunning() {
        stopping = true;
        int number = running;
        if (number > 0) {
            try {
                if (study.release(number)) {
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

    private void evaluate(PgStudy.Claim claim, ScheduledExecutorService beats) {
        listener.trialStarted(claim.number(), calls, claim.params());
        var beat = beats.scheduleAtFixedRate(() -> beat(claim.number()), heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        TrialMonitor monitor = pruner == null ? TrialMonitor.NONE
                : TrialMonitor.of(claim.number(), pruner, StudyLoop.reportsOf(claim.finished()));
        long started = System.nanoTime();
        TrialOutcome outcome;
        running = claim.number();
        try {
            outcome = evaluator.evaluate(new TrialRequest(claim.number(), claim.params(), monitor));
        } finally {
            beat.cancel(false);
            running = 0;
        }
        if (stopping) {
            return;  // interrupted: the trial was re-queued, its (killed) evaluation is not a result
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        TrialRecord trial = new TrialRecord(claim.number(), claim.params(), outcome.value(), outcome.state(),
                outcome.error(), seconds, outcome.history(), outcome.logDir(),
                monitor.records() ? monitor.reports() : outcome.reports(), outcome.pruneReason());
        boolean recorded = models == null ? study.finish(trial) : study.finish(trial, models.take(claim.number()));
        if (recorded) {
            listener.trialFinished(trial);
        } else {
            listener.warning("trial " + claim.number() + " already has a result (this worker was taken for lost); "
                    + "this worker's result is discarded, not counted twice");
        }
    }

    private void beat(int number) {
        try {
            if (!study.heartbeat(number)) {
                listener.warning("trial " + number + " was taken for lost by another worker; it goes on here, and "
                        + "the first result recorded counts");
            }
        } catch (RuntimeException e) {
            listener.warning("heartbeat of trial " + number + " not recorded: " + e.getMessage());
        }
    }

    private StudyLoop.Outcome outcome(List<TrialRecord> finished) {
        Optional<ExpectedMinimum> expected = proposer.rebuild(finished).expectedMinimum();
        return new StudyLoop.Outcome(finished, expected);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
