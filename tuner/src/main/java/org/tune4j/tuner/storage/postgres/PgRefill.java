package org.tune4j.tuner.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Pipelined batches: one worker's background refill of the study's queue ({@link PgQueue}), so
 * the queue is refilled before it runs dry and off the worker's critical path (issue 15, round 4).
 *
 * <p>When an ask hands this worker a trial and sees fewer than the queue's depth left queued
 * ({@link #depth}: by default half the workers running, so a worker alone never refills), it
 * {@link #request requests} a refill; the refill runs on this worker's own thread and connection
 * ({@link PgDatabase#sibling}) while the worker evaluates its trial. One refill is one transaction:
 * <ol>
 *   <li>try the study row's lock without waiting ({@link PgStudy#tryLockStudy}); busy: another
 *       worker is proposing, and its points will fill the queue, so nothing is done;</li>
 *   <li>mark lost trials ({@link PgStudy#reclaimLost}: asks that find a queued point take no lock),
 *       read the trials (its own {@link PgView}); nothing is done when the queue is already as deep
 *       as the depth or the budget has no room;</li>
 *   <li>propose k points ({@code --batch K}, or the workers running, at most
 *       {@link PgQueue#MAX_AUTO_BATCH}; never beyond the budget) with every running and queued
 *       trial pending, at the constant liar of the proposer ({@code Proposer#proposeBatch});</li>
 *   <li>insert them as queued rows under the next numbers in one statement, and commit.</li>
 * </ol>
 * The whole batch is inserted or none of it: a worker that dies before the commit leaves no row
 * (the server rolls its transaction back and frees the lock), and the numbers stay without gaps
 * because they are taken under the lock. A queued row is claimed once ({@code FOR UPDATE SKIP
 * LOCKED}), so nothing is handed out twice. The refill repeats (each time a new transaction, the
 * lock released between them) while the queue stays below its depth, at most {@link #MAX_ROUNDS}
 * times.
 *
 * <p>Life cycle: one per {@link PgStudy} whose queue depth is not 0; its thread is a daemon, made
 * at the first request; one refill at a time per worker.
 */
final class PgRefill {
    /** The depth setting that means "half the workers running" ({@code --queue-depth auto}). */
    static final int AUTO = -1;
    /** Refills in a row, at most, after one request. */
    static final int MAX_ROUNDS = 8;

    private final PgStudy study;
    private final PgDatabase db;
    private final String worker;
    private final int batch;
    private final int depth;
    private final PgView view;
    private final PgQueue queue;
    private final Consumer<AskTiming> timing;
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService thread;
    private volatile boolean failed;

    /** What one refill transaction did. */
    private record Round(int first, int queued, boolean more, int finished, int pending) {
    }

    /**
     * @param db    this worker's second connection ({@link PgDatabase#sibling})
     * @param batch points per refill; 0: the workers running, at most {@link PgQueue#MAX_AUTO_BATCH}
     * @param depth the queued points to keep ahead of the workers; {@link #AUTO}: half the workers running
     */
    PgRefill(PgStudy study, PgDatabase db, String name, Duration grace, int batch, int depth,
             Consumer<AskTiming> timing) {
        if (depth < AUTO || depth == 0) {
            throw new IllegalArgumentException("queue depth: expected " + AUTO + " (automatic) or >= 1, found " + depth);
        }
        this.study = study;
        this.db = db;
        this.worker = study.worker();
        this.batch = batch;
        this.depth = depth;
        this.view = new PgView(name, grace);
        this.queue = new PgQueue(name, worker);
        this.timing = timing;
    }

    /** The queue's depth for a study with {@code workers} running: the setting, or half the workers (rounded down). */
    static int depth(int setting, int workers) {
        return setting == AUTO ? workers / 2 : setting;
    }

    /** This worker's depth, for the ask's estimate of whether to request a refill. */
    int depth(int workers) {
        return depth(depth, workers);
    }

    /**
     * Starts a refill on this worker's thread unless one is running (or an earlier one failed);
     * returns at once. {@code proposer} must be this thread's own ({@code Proposer#another}).
     */
    void request(int calls, PgStudy.Proposer proposer, Consumer<String> notice) {
        if (failed || !running.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (thread == null) {
                thread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "tune4j-refill-" + worker);
                    t.setDaemon(true);
                    return t;
                });
            }
        }
        thread.execute(() -> {
            try {
                for (int round = 0; round < MAX_ROUNDS && refillOnce(calls, proposer, notice).more(); round++) {
                    // again: the queue is still below its depth
                }
            } catch (RuntimeException e) {
                failed = true;
                notice.accept("the background refill of the queue stopped (" + e.getMessage() + "); this worker "
                        + "proposes when the queue is empty, as without it");
            } finally {
                running.set(false);
            }
        });
    }

    /** One refill transaction (the class comment's steps), timed as an {@link AskTiming} "refill" line. */
    Round refillOnce(int calls, PgStudy.Proposer proposer, Consumer<String> notice) {
        long trips = db.roundTrips();
        long[] nanos = new long[3];  // lock try, proposal, the rest
        long start = System.nanoTime();
        Round round = db.transaction(c -> locked(c, calls, proposer, notice, nanos));
        nanos[2] = System.nanoTime() - start - nanos[0] - nanos[1];
        timing.accept(new AskTiming(round.queued() > 0 ? "refill" : "refill-skipped", round.first(), round.finished(),
                round.pending(), 0, true, round.queued(), 0, nanos[1], nanos[0], nanos[2],
                db.roundTrips() - trips));
        return round;
    }

    private Round locked(Connection c, int calls, PgStudy.Proposer proposer, Consumer<String> notice, long[] nanos)
            throws SQLException {
        long t = System.nanoTime();
        boolean locked = study.tryLockStudy(c);
        nanos[0] = System.nanoTime() - t;
        if (!locked) {
            return new Round(0, 0, false, 0, 0);
        }
        study.reclaimLost(c, notice);  // asks that claim a queued point first never take the lock while the queue lasts
        PgView.View now = view.read(c);
        int workers = now.workers(worker);
        int want = depth(workers);
        int queued = now.queuedCount();
        int room = now.room(calls);
        if (queued >= want || room <= 0) {
            return new Round(0, 0, false, now.finished().size(), now.pending().size());
        }
        int k = Math.min(room, batch > 0 ? batch : Math.min(PgQueue.MAX_AUTO_BATCH, workers));
        t = System.nanoTime();
        List<Map<String, Object>> points = k <= 1 ? List.of(proposer.propose(now.finished(), now.pendingParams()))
                : proposer.proposeBatch(now.finished(), now.pendingParams(), k);
        nanos[1] = System.nanoTime() - t;
        queue.enqueue(c, now.last() + 1, points);
        study.notifyQueue(c);  // workers waiting on an empty queue claim them at the commit
        return new Round(now.last() + 1, points.size(), queued + points.size() < want && room > points.size(),
                now.finished().size(), now.pending().size());
    }
}
