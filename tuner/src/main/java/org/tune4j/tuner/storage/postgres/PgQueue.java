package org.tune4j.tuner.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The queued trials of a shared study: points waiting for a worker, in the {@code queued} state
 * of {@code tune4j_trial}. Two kinds share the state: a lost or released trial's point (worker
 * {@code NULL}: {@link PgStudy#reclaimLost}, {@link PgStudy#release}) and a point of a batch
 * (worker = the worker that proposed it, handed out 0 times): a worker that proposes under the
 * study row's lock proposes k points with one fit, runs the first and queues the k - 1 others
 * here for the next workers ({@link PgAsk}), so the lock is taken once per k trials.
 *
 * <p>A queued row is claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED} (the work-queue idiom
 * of PostgreSQL's row locks: concurrent claimers skip each other's rows instead of waiting), so
 * claiming needs no study lock and two workers never get the same row; the lowest number goes
 * first. Its number was allocated when it was queued, inside the budget, so claiming it changes
 * neither the numbers nor the budget's count (queued rows count as pending everywhere).
 *
 * <p>A third writer of batch points is a worker's background refill ({@link PgRefill}, pipelined
 * batches): it queues a batch before the queue runs dry, while the worker's trial runs.
 *
 * <p>A queued point is never dropped: it was proposed with the trials finished then, and a batch
 * (by default at most {@link #MAX_AUTO_BATCH} points) is proposed only when fewer than the queue's
 * depth are queued (half the workers running; without refills, only when none is claimable), so
 * its points go out within about one trial's time. (A staleness rule was built and measured:
 * queued points older than 16 finished trials re-proposed in place under the lock. At 32 workers
 * on 2 busy cores the points went stale while the workers waited in the lock's queue, and one
 * worker re-proposed all 189 of them in one hold of the lock, for minutes: dropped.)
 *
 * <p>Life cycle: one per {@link PgStudy}; every method runs inside the caller's transaction.
 */
final class PgQueue {
    /**
     * The largest automatic batch (the workers seen, capped): measured on 2 busy cores, 8 and 16
     * workers, CALLS = 8W: batches of 4 gave 232 and 276 finished trials a minute, of 2 230 and 227,
     * of 1 (no batch) 215 and 172; a batch of 8 makes the workers wait for its 8 acquisitions
     * (BENCHMARKS.md, Shared study, round 3).
     */
    static final int MAX_AUTO_BATCH = 4;

    private final String name;
    private final String worker;

    /** A claimed row: its number and point, and whether it came from a batch (else a lost or released trial). */
    record Claimed(int number, Map<String, Object> params, boolean batch) {
    }

    PgQueue(String name, String worker) {
        this.name = name;
        this.worker = worker;
    }

    /** Claims the lowest-numbered claimable queued row for this worker; null when there is none. */
    Claimed claim(Connection c) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("WITH pick AS (SELECT q.number, q.worker IS NOT NULL AS batch "
                + "FROM tune4j_trial q WHERE q.study = ? AND q.state = 'queued' ORDER BY q.number LIMIT 1 "
                + "FOR UPDATE SKIP LOCKED) "
                + "UPDATE tune4j_trial t SET state = 'running', worker = ?, handed_out = t.handed_out + 1, "
                + "heartbeat = now() FROM pick WHERE t.study = ? AND t.number = pick.number "
                + "RETURNING t.number, t.params, pick.batch")) {
            u.setString(1, name);
            u.setString(2, worker);
            u.setString(3, name);
            try (ResultSet r = u.executeQuery()) {
                return r.next() ? new Claimed(r.getInt(1), PgStudy.params(r.getString(2)), r.getBoolean(3)) : null;
            }
        }
    }

    /** Queues {@code points} under the numbers {@code first}, {@code first + 1}, ... (one statement). */
    void enqueue(Connection c, int first, List<Map<String, Object>> points) throws SQLException {
        if (points.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tune4j_trial (study, number, state, params, "
                + "worker, handed_out) SELECT ?, ? + i - 1, 'queued', p, ?, 0 FROM unnest(?::text[]) WITH ORDINALITY "
                + "AS u(p, i)")) {
            insert.setString(1, name);
            insert.setInt(2, first);
            insert.setString(3, worker);
            insert.setArray(4, c.createArrayOf("text", points.stream().map(Json::line).toArray()));
            insert.executeUpdate();
        }
    }

    /**
     * The automatic batch size: the workers seen (this one, and those whose trial rows were
     * handed out, heartbeat or finished within {@code grace}), at most {@link #MAX_AUTO_BATCH}.
     * One worker alone gets 1: its study is the run directory's sequential loop.
     */
    int autoBatch(Connection c, Duration grace) throws SQLException {
        Set<String> seen = new HashSet<>();
        seen.add(worker);
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT worker FROM tune4j_trial WHERE study = ? AND "
                + "state <> 'queued' AND worker IS NOT NULL AND heartbeat > now() - make_interval(secs => ?)")) {
            q.setString(1, name);
            q.setDouble(2, grace.toMillis() / 1e3);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    seen.add(r.getString(1));
                }
            }
        }
        return Math.min(MAX_AUTO_BATCH, seen.size());
    }

    /** The finished trials as a claim hands them to the worker (for its pruner). */
    static PgStudy.Claim asClaim(Claimed claimed, List<TrialRecord> finished) {
        return new PgStudy.Claim(claimed.number(), claimed.params(), finished, !claimed.batch());
    }
}
