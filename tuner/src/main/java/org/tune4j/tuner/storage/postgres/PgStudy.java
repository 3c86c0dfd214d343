package org.tune4j.tuner.storage.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.PendingTrial;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * One study in the database, as one worker sees it. Every method is one transaction.
 *
 * <p>{@link #next} decides under the study row's lock ({@code SELECT ... FOR UPDATE}), so the
 * workers' allocations are serialized: it first marks lost every running trial whose heartbeat is
 * older than the grace period (re-queued while it was handed out at most {@code requeues} times,
 * else recorded as failed), then hands out a queued trial if there is one (a lost trial's point or
 * a batch's, claimed without the lock: {@link PgQueue}), else inserts under the next number (so
 * numbers are unique and without gaps) a new point the {@link Proposer} made with the running and
 * queued trials as pending: made outside the lock from a snapshot, and kept only when no trial
 * became pending since, or made under the lock as a batch whose other points are queued ({@link PgAsk}). {@link #finish} records a
 * result once: a second result for the same number (a worker declared lost that was only slow)
 * is discarded, never counted twice. Creating, joining and describing the study row is
 * {@link PgStudies}'.
 */
public final class PgStudy {
    /** The queue depth that means half the workers running ({@code --queue-depth auto}). */
    public static final int AUTO_DEPTH = PgRefill.AUTO;

    private final PgDatabase db;
    private final String name;
    private final String worker;
    private final Duration grace;
    private final int requeues;
    private final Consumer<AskTiming> timing;
    private final PgAsk asker;

    /** Proposes a new point from the finished trials and the pending points (the optimizer, constant liar). */
    @FunctionalInterface
    public interface Proposer {
        Map<String, Object> propose(List<TrialRecord> finished, List<Map<String, Object>> pending);

        /**
         * Up to {@code k} distinct points at once (a batch: the first for the asking worker, the
         * others queued for the next ones), each proposed with the ones before it pending. By
         * default one point ({@link #propose}); a proposer may return fewer than {@code k}, never none.
         */
        default List<Map<String, Object>> proposeBatch(List<TrialRecord> finished, List<Map<String, Object>> pending,
                                                       int k) {
            return List.of(propose(finished, pending));
        }

        /**
         * Whether {@code proposal}, made without seeing {@code arrived} (points that became pending
         * while it was made), must be made again with them pending. By default any arrival does:
         * every trial running when a point is recorded was one of its constant liars.
         */
        default boolean stale(Map<String, Object> proposal, List<Map<String, Object>> arrived) {
            return !arrived.isEmpty();
        }

        /**
         * A proposer of the same study for another thread (the worker's background refill,
         * {@link PgRefill}), sharing no state with this one; by default this one (a proposer
         * without state). The same one at every call.
         */
        default Proposer another() {
            return this;
        }
    }

    /** What {@link #next} hands out. */
    public sealed interface Next permits Done, Wait, Claim {
    }

    /** The study has its budget of finished trials. */
    public record Done(List<TrialRecord> finished) implements Next {
    }

    /** Nothing to hand out now: the budget is covered by running trials; ask again later. */
    public record Wait() implements Next {
    }

    /**
     * A trial for this worker.
     *
     * @param finished the study's finished trials when it was handed out (for the pruner)
     * @param requeued true when it is the point of a lost trial, handed out again
     */
    public record Claim(int number, Map<String, Object> params, List<TrialRecord> finished, boolean requeued)
            implements Next {
    }

    /**
     * @param worker   this worker's name (host and process), stored with its running trials
     * @param grace    a running trial whose heartbeat is older is lost
     * @param requeues how many times a lost trial's point is handed out again (then it is failed)
     */
    public PgStudy(PgDatabase db, String name, String worker, Duration grace, int requeues) {
        this(db, name, worker, grace, requeues, t -> { });
    }

    /** As above; {@code timing} receives where each {@link #next} spent its time ({@code --ask-timing}). */
    public PgStudy(PgDatabase db, String name, String worker, Duration grace, int requeues,
                   Consumer<AskTiming> timing) {
        this(db, name, worker, grace, requeues, 1, timing);
    }

    /**
     * As above, proposing {@code batch} points at once when a proposal is made under the study
     * row's lock (the first runs here, the others are queued for the next workers: {@link PgQueue});
     * 0 chooses it at each such proposal ({@link PgQueue#autoBatch}: the workers seen, at most 4;
     * 1 for a worker alone). An explicit batch above 1 always proposes under the lock.
     */
    public PgStudy(PgDatabase db, String name, String worker, Duration grace, int requeues, int batch,
                   Consumer<AskTiming> timing) {
        this(db, name, worker, grace, requeues, batch, 0, timing);
    }

    /**
     * As above, with pipelined batches when {@code queueDepth} is not 0: a worker whose ask leaves
     * fewer than {@code queueDepth} points queued ({@link #AUTO_DEPTH}: half the workers running)
     * refills the queue in the background, on a second connection, while its trial runs
     * ({@link PgRefill}); and a worker that finds the queue empty while another holds the study's
     * lock waits for that worker's commit and claims what it queued instead of waiting for the
     * lock ({@link PgAsk}). 0: no refill, and a worker waits for the lock (round 3's hand-out).
     */
    public PgStudy(PgDatabase db, String name, String worker, Duration grace, int requeues, int batch, int queueDepth,
                   Consumer<AskTiming> timing) {
        if (batch < 0) {
            throw new IllegalArgumentException("batch: expected 0 (automatic) or a number of points >= 1, found "
                    + batch);
        }
        this.db = Objects.requireNonNull(db);
        this.name = Objects.requireNonNull(name);
        this.worker = Objects.requireNonNull(worker);
        this.grace = Objects.requireNonNull(grace);
        this.requeues = requeues;
        this.timing = Objects.requireNonNull(timing);
        this.asker = new PgAsk(this, db, name, grace, batch, queueDepth == 0 ? null
                : new PgRefill(this, db.sibling(), name, grace, batch, queueDepth, timing));
    }


    /**
     * Marks lost trials, then hands out a queued trial or a new one, or says the study is done or to
     * wait. The proposal is made outside the study row's lock and validated under it ({@link PgAsk}).
     */
    public Next next(int calls, Proposer proposer, Consumer<String> notice) {
        return asker.next(calls, proposer, notice, timing);
    }

    String worker() {
        return worker;
    }

    /** Refreshes the heartbeat of this worker's running trial; false when it is no longer this worker's. */
    public boolean heartbeat(int number) {
        return db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_trial SET heartbeat = now() WHERE study = ? "
                    + "AND number = ? AND worker = ? AND state = 'running'")) {
                u.setString(1, name);
                u.setInt(2, number);
                u.setString(3, worker);
                return u.executeUpdate() == 1;
            }
        });
    }

    /** Records a finished trial; false (and nothing written) when the trial already has a result. */
    public boolean finish(TrialRecord trial) {
        return finish(trial, false, null);
    }

    /**
     * Records a finished trial of a study that keeps its best model ({@link PgBestModel}): in the
     * same transaction, a complete trial that is now the best finished one stores {@code model}
     * (its {@code .t4j} bytes; null when this worker did not keep them, and then no model is
     * stored rather than a worse one). False (and nothing written) when the trial already has a
     * result.
     */
    public boolean finish(TrialRecord trial, byte[] model) {
        return finish(trial, true, model);
    }

    private boolean finish(TrialRecord trial, boolean keepsModel, byte[] model) {
        String json = Json.line(trial);
        return db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_trial SET state = ?, record = ?, worker = ?, "
                    + "heartbeat = now() WHERE study = ? AND number = ? AND record IS NULL")) {
                u.setString(1, trial.state().name().toLowerCase(java.util.Locale.ROOT));
                u.setString(2, json);
                u.setString(3, worker);
                u.setString(4, name);
                u.setInt(5, trial.number());
                if (u.executeUpdate() != 1) {
                    return false;
                }
            }
            if (keepsModel && trial.isComplete()) {
                PgBestModel.offer(c, name, trial.number(), trial.value(), model);
            }
            return true;
        });
    }

    /** Writes the running trial's per-epoch history so far (its training log) for other machines to read. */
    public void log(int number, List<EpochRecord> history) {
        String json = Json.line(history);
        db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_trial SET log = ? WHERE study = ? "
                    + "AND number = ? AND record IS NULL")) {
                u.setString(1, json);
                u.setString(2, name);
                u.setInt(3, number);
                return u.executeUpdate();
            }
        });
    }

    /** The trials handed out and not finished (running or queued), by number, with their last heartbeat. */
    public Map<Integer, PendingTrial> unfinished() {
        return db.transaction(c -> {
            Map<Integer, PendingTrial> out = new java.util.TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT number, params, heartbeat FROM tune4j_trial "
                    + "WHERE study = ? AND record IS NULL ORDER BY number")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getInt(1), new PendingTrial(params(r.getString(2)),
                                r.getTimestamp(3).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    /** The study's name. */
    public String name() {
        return name;
    }

    /** The database it lives in. */
    public PgDatabase database() {
        return db;
    }

    /**
     * Hands this worker's running trial back to the queue (Ctrl-C): the next asking worker runs it;
     * it does not count as a loss. Nothing happens when the trial already has a result.
     */
    public boolean release(int number) {
        return db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_trial SET state = 'queued', worker = NULL, "
                    + "handed_out = handed_out - 1 WHERE study = ? AND number = ? AND worker = ? AND record IS NULL")) {
                u.setString(1, name);
                u.setInt(2, number);
                u.setString(3, worker);
                return u.executeUpdate() == 1;
            }
        });
    }

    /** The finished trials, by number. */
    public List<TrialRecord> finished() {
        return db.transaction(c -> {
            List<TrialRecord> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT record FROM tune4j_trial WHERE study = ? AND record "
                    + "IS NOT NULL ORDER BY number")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(record(r.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    void lockStudy(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT name FROM tune4j_study WHERE name = ? FOR UPDATE")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("study \"" + name + "\" was deleted from " + db.url());
                }
            }
        }
    }

    /**
     * Takes the study row's lock if it is free ({@code FOR UPDATE SKIP LOCKED}: no row when another
     * transaction holds it); false without waiting when it is held.
     */
    boolean tryLockStudy(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT name FROM tune4j_study WHERE name = ? FOR UPDATE "
                + "SKIP LOCKED")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * Listens to the study's queue channel ({@link #notifyQueue}) on this worker's connection from
     * now on: a worker that found the lock busy and the queue empty then waits for a notification
     * ({@link PgDatabase#awaitNotification}) instead of polling.
     */
    void listenQueue() {
        db.listen(channel());
    }

    /**
     * Notifies the study's listeners when this transaction commits: it held the study's lock and
     * queued points or let the lock go (PostgreSQL delivers a NOTIFY at the commit, none on a rollback).
     */
    void notifyQueue(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("NOTIFY " + channel());
        }
    }

    /** The study's LISTEN/NOTIFY channel: an identifier made from its name (a collision only wakes a waiter early). */
    private String channel() {
        return "tune4j_queue_" + Integer.toHexString(name.hashCode());
    }

    void reclaimLost(Connection c, Consumer<String> notice) throws SQLException {
        Map<Integer, Object[]> lost = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT number, handed_out, worker, params FROM tune4j_trial "
                + "WHERE study = ? AND state = 'running' AND heartbeat < now() - make_interval(secs => ?) "
                + "ORDER BY number")) {
            q.setString(1, name);
            q.setDouble(2, grace.toMillis() / 1e3);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    lost.put(r.getInt(1), new Object[] {r.getInt(2), r.getString(3), r.getString(4)});
                }
            }
        }
        for (Map.Entry<Integer, Object[]> e : lost.entrySet()) {
            int number = e.getKey();
            int handedOut = (Integer) e.getValue()[0];
            String silent = String.format(java.util.Locale.ROOT, "trial %d of worker %s silent for more than %.0f s: "
                    + "lost", number, e.getValue()[1], grace.toMillis() / 1e3);
            if (handedOut <= requeues) {
                try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_trial SET state = 'queued', worker = NULL "
                        + "WHERE study = ? AND number = ?")) {
                    u.setString(1, name);
                    u.setInt(2, number);
                    u.executeUpdate();
                }
                notice.accept(silent + ", re-queued");
            } else {
                TrialRecord failed = new TrialRecord(number, params((String) e.getValue()[2]), null, TrialState.FAILED,
                        "lost " + handedOut + " times (no heartbeat for " + grace.toSeconds() + " s)", Double.NaN,
                        List.of(), null);
                try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_trial SET state = 'failed', record = ? "
                        + "WHERE study = ? AND number = ?")) {
                    u.setString(1, Json.line(failed));
                    u.setString(2, name);
                    u.setInt(3, number);
                    u.executeUpdate();
                }
                notice.accept(silent + " " + handedOut + " times, recorded as failed");
            }
        }
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database holds a row that is not JSON: " + Json.problem(e), e);
        }
    }

    static TrialRecord record(String json) {
        try {
            return Json.mapper().readValue(json, TrialRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database holds a trial that is not a trial record: "
                    + Json.problem(e), e);
        }
    }

    static Map<String, Object> params(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database holds trial parameters that are not JSON: "
                    + Json.problem(e), e);
        }
    }
}
