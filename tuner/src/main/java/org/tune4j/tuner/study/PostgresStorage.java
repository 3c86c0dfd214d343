package org.tune4j.tuner.study;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.SpaceExhaustedException;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.StorageException;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgStudy;

/**
 * A study shared in PostgreSQL ({@link StudyStorage}'s second backend), as one worker sees it:
 * {@link PgStudy} with this worker's {@link SharedProposer}.
 *
 * <p>{@link #next} is {@link PgStudy#next} (under the study's lock: a lost trial's point handed
 * out again, a queued one, or a new point, given ones first, proposed with the running and queued
 * trials pending, the constant liar); a running trial's heartbeat is refreshed every
 * {@link #heartbeat}, and an interrupted one is handed back to the queue ({@link PgStudy#release});
 * {@link #record} is {@link PgStudy#finish}, once per trial, with the model bytes the evaluator
 * kept when the study keeps its best model (a training study: {@link #artifacts}). The study is created or
 * joined before ({@code PgStudies.openOrCreate}, by the command), so {@link #begin} has nothing to
 * do; the database's connection is the command's to close.
 */
public final class PostgresStorage implements StudyStorage {
    private final PgStudy study;
    private final SharedProposer proposer;
    private final Duration heartbeat;
    private SharedArtifacts models;  // the model bytes kept for record; null when the study keeps no model

    /**
     * @param givenPoints the study's first trials' points (the tutorial's x0), handed out before any
     *                    asked one: trial {@code k} gets {@code givenPoints[k - 1]}, once across workers
     * @param heartbeat   how often a running trial's heartbeat is refreshed (also the waiting poll)
     */
    public PostgresStorage(PgStudy study, Space space, OptimizerConfig optimizer, List<Map<String, Object>> givenPoints,
                           Duration heartbeat) {
        this.study = study;
        this.proposer = new SharedProposer(space, optimizer, givenPoints);
        this.heartbeat = heartbeat;
    }

    /** The trial's row (its log) and the study's model table; the study now keeps its best model. */
    @Override
    public TrialArtifacts artifacts(List<String> classNames, StudyListener listener) {
        models = new SharedArtifacts(study, classNames, listener::warning);
        return models;
    }

    @Override
    public void begin(int calls, StudyListener listener) {
        // created or joined by the command before its data was loaded; a worker resumes nothing of its own
    }

    @Override
    public Next next(int calls, StudyListener listener) {
        PgStudy.Next next;
        try {
            next = study.next(calls, proposer, listener::warning);
        } catch (SpaceExhaustedException e) {
            listener.warning("this worker stops: " + e.getMessage());
            return new Done(study.finished());
        }
        if (next instanceof PgStudy.Done done) {
            return new Done(done.finished());
        }
        if (next instanceof PgStudy.Claim claim) {
            return new Claim(claim.number(), claim.params(), claim.finished());
        }
        return new Wait();
    }

    @Override
    public Optional<Duration> heartbeat() {
        return Optional.of(heartbeat);
    }

    @Override
    public boolean beat(int number) {
        return study.heartbeat(number);
    }

    @Override
    public boolean release(int number) {
        return study.release(number);
    }

    @Override
    public boolean record(TrialRecord trial) {
        return models == null ? study.finish(trial) : study.finish(trial, models.take(trial.number()));
    }

    @Override
    public Optional<ExpectedMinimum> expectedMinimum(List<TrialRecord> finished) {
        return proposer.rebuild(finished).expectedMinimum();
    }

    @Override
    public void end(List<TrialRecord> finished, Optional<ExpectedMinimum> expected) {
        // every result is in the database already; reports are drawn from it on demand
    }

    @Override
    public StorageException stopped(StorageException cause) {
        return cause;
    }

    @Override
    public void close() {
        // the connection is the command's (one per worker, closed when all its workers are done)
    }
}
