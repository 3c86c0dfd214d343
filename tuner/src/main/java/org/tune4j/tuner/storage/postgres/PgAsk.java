package org.tune4j.tuner.storage.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The ask of a shared study ({@link PgStudy#next}) with the optimizer's proposal outside the study
 * row's lock: optimistic concurrency control (Kung &amp; Robinson, "On optimistic methods for
 * concurrency control", ACM TODS 6(2), 1981): read, compute, then validate and write under the lock.
 *
 * <ol>
 *   <li>Snapshot: the trial rows read without a lock. A finished trial's record never changes
 *       ({@link PgStudy#finish} writes it once), so each worker reads it once and keeps it: an ask
 *       reads only the rows it has not cached (the running and queued ones and the new ones).</li>
 *   <li>A study done, or a budget covered by running trials none of which is silent, is answered
 *       from the snapshot; a queued trial or a silent heartbeat goes to the locked step at once.</li>
 *   <li>Otherwise the proposer runs on the snapshot outside any transaction (the surrogate's fit and
 *       the acquisition: nearly all of an ask's CPU), so several workers propose at once.</li>
 *   <li>Under the lock: lost trials reclaimed, the uncached rows read again, and the proposal
 *       inserted under the next number unless a trial numbered since the snapshot (running, or
 *       already finished: trials end while a worker waits for the lock) makes it stale ({@link PgStudy.Proposer#stale}: by default any such trial, so that every trial
 *       running when the point is recorded was one of its constant liars, exactly as when the whole
 *       ask held the lock; the optimizer's worker only one near the proposal) or has its very point.
 *       Otherwise (a conflict) the proposal is dropped and made again under the lock (after
 *       {@link #MAX_CONFLICTS} conflicts), as before, so an ask always ends.</li>
 * </ol>
 *
 * <p>Proposals collide when the workers ask faster than one proposal takes (measured: at 8
 * workers on 2 busy cores nearly every ask had a conflict, each a whole proposal thrown away, and
 * the proposals running side by side took 10 times longer). So after a conflict the worker's
 * next {@link #LOCKED_AFTER_CONFLICT} asks propose under the lock (one proposal each, none thrown
 * away; the workers queue on the lock) before it tries outside the lock again: a busy study
 * behaves as when every ask held the lock, a quiet one proposes in parallel. (Fitting the
 * surrogate outside the lock before such a proposal was tried and dropped: while a worker waits
 * for the lock other trials finish, so the fit was stale and made again under the lock.)
 *
 * <p>Batches ({@link PgQueue}): a proposal made under the lock is a batch of k points when the
 * study has several workers (k from {@code --batch}, or the workers seen, at most
 * {@link PgQueue#MAX_AUTO_BATCH}); the first is this worker's, the others are queued and claimed
 * by the next asks without the lock. While its last batch was above 1 point a worker proposes
 * under the lock at once, without the optimistic attempt (measured: at 8 and 16 workers on 2 busy
 * cores the attempts collided and were thrown away; BENCHMARKS.md, Shared study, round 3).
 *
 * <p>Life cycle: one per {@link PgStudy} (one worker); not thread-safe (the worker asks from one
 * thread). Numbers stay unique and without gaps: they are still taken under the lock.
 */
final class PgAsk {
    /** Conflicts after which the proposal is made under the lock. */
    static final int MAX_CONFLICTS = 1;
    /** Asks that propose under the lock after one that had a conflict (the study is busy: proposals collide). */
    static final int LOCKED_AFTER_CONFLICT = 8;

    private final PgStudy study;
    private final PgDatabase db;
    private final String name;
    private final Duration grace;
    private final int batch;  // points per proposal under the lock; 0: automatic (PgQueue#autoBatch)
    private final PgQueue queue;
    private final TreeMap<Integer, TrialRecord> finished = new TreeMap<>();  // never changes once written
    private int lockedAsks;  // asks left that propose under the lock
    private int lastBatch = 1;  // the batch of the last proposal under the lock; above 1: propose under the lock

    /** A trial without a result: running or queued. */
    private record Pending(int number, String state, Map<String, Object> params, boolean silent) {
    }

    /** The study as one read saw it (finished: this worker's cache at that moment). */
    private record View(List<TrialRecord> finished, List<Pending> pending, int last) {
        Set<Integer> pendingNumbers() {
            Set<Integer> out = new HashSet<>();
            pending.forEach(p -> out.add(p.number()));
            return out;
        }

        List<Map<String, Object>> pendingParams() {
            return pending.stream().map(Pending::params).toList();
        }

        int queued() {
            return pending.stream().filter(p -> p.state().equals("queued")).mapToInt(Pending::number).findFirst()
                    .orElse(-1);
        }

        boolean anySilent() {
            return pending.stream().anyMatch(Pending::silent);
        }
    }

    /** The times and round trips of the ask in progress. */
    private static final class Clock {
        long snapshot;
        long propose;
        long lockWait;
        long locked;
        int conflicts;
        int pending;
        int proposed;
        boolean lockedProposal;
    }

    /** @param batch points proposed at once under the lock (k - 1 of them queued); 0 for automatic */
    PgAsk(PgStudy study, PgDatabase db, String name, Duration grace, int batch) {
        this.study = study;
        this.db = db;
        this.name = name;
        this.grace = grace;
        this.batch = batch;
        this.queue = new PgQueue(name, study.worker());
    }

    PgStudy.Next next(int calls, PgStudy.Proposer proposer, Consumer<String> notice, Consumer<AskTiming> timing) {
        Clock clock = new Clock();
        long trips = db.roundTrips();
        boolean busy = lockedAsks > 0 || batch > 1 || lastBatch > 1;  // batches are proposed under the lock
        lockedAsks = Math.max(0, lockedAsks - 1);
        PgStudy.Next next = null;
        while (next == null) {
            boolean underLock = busy || clock.conflicts >= MAX_CONFLICTS;
            long t = System.nanoTime();
            View snapshot = db.transaction(this::read);
            clock.snapshot += System.nanoTime() - t;
            if (snapshot.finished().size() >= calls) {
                next = new PgStudy.Done(snapshot.finished());
                break;
            }
            if (snapshot.queued() >= 0 && !snapshot.anySilent()) {  // a queued point: claimed without the study lock
                t = System.nanoTime();
                PgQueue.Claimed claimed = db.transaction(queue::claim);
                clock.locked += System.nanoTime() - t;
                if (claimed != null) {
                    next = PgQueue.asClaim(claimed, snapshot.finished());
                    break;
                }  // taken by others meanwhile: the locked step decides
            }
            boolean full = snapshot.finished().size() + snapshot.pending().size() >= calls;
            boolean clean = !snapshot.anySilent() && snapshot.queued() < 0;  // else the lock decides
            if (full && clean) {
                next = new PgStudy.Wait();
                break;
            }
            Map<String, Object> proposal = null;
            if (!full && clean && !underLock) {
                t = System.nanoTime();
                proposal = proposer.propose(snapshot.finished(), snapshot.pendingParams());
                clock.pending = snapshot.pending().size();
                clock.propose += System.nanoTime() - t;
            }
            Map<String, Object> proposed = proposal;
            View seen = snapshot;
            t = System.nanoTime();
            long waited = clock.lockWait;
            long proposing = clock.propose;
            next = db.transaction(c -> locked(c, calls, seen, proposed, proposer, notice, clock));
            clock.locked += System.nanoTime() - t - (clock.lockWait - waited) - (clock.propose - proposing);
            if (next == null) {
                clock.conflicts++;
                lockedAsks = LOCKED_AFTER_CONFLICT;
            }
        }
        timing.accept(timing(next, clock, db.roundTrips() - trips));
        return next;
    }

    /**
     * Under the study row's lock: the answer from the rows as they are now; null for a conflict
     * (a trial became pending since {@code snapshot}: the proposal did not see it).
     *
     * @param proposal made from {@code snapshot}, or null to propose here
     */
    private PgStudy.Next locked(Connection c, int calls, View snapshot, Map<String, Object> proposal,
                                PgStudy.Proposer proposer, Consumer<String> notice, Clock clock) throws SQLException {
        long t = System.nanoTime();
        study.lockStudy(c);
        clock.lockWait += System.nanoTime() - t;
        study.reclaimLost(c, notice);
        View now = read(c);
        if (now.finished().size() >= calls) {
            return new PgStudy.Done(now.finished());
        }
        if (now.queued() >= 0) {
            PgStudy.Next claimed = claimQueued(c, now);
            if (claimed != null) {
                return claimed;
            }
        }
        if (now.finished().size() + now.pending().size() >= calls) {
            return new PgStudy.Wait();
        }
        Map<String, Object> params = proposal;
        List<Map<String, Object>> queued = List.of();
        if (params == null) {
            long p = System.nanoTime();
            int room = calls - now.finished().size() - now.pending().size();
            lastBatch = batch > 0 ? batch : queue.autoBatch(c, grace);
            int k = Math.min(room, lastBatch);
            List<Map<String, Object>> points = k <= 1 ? List.of(proposer.propose(now.finished(), now.pendingParams()))
                    : proposer.proposeBatch(now.finished(), now.pendingParams(), k);
            params = points.get(0);
            queued = points.subList(1, points.size());
            clock.pending = now.pending().size();
            clock.proposed = points.size();
            clock.propose += System.nanoTime() - p;
            clock.lockedProposal = true;
        } else {
            clock.proposed = 1;
            List<Map<String, Object>> arrived = arrivedSince(snapshot, now);
            if (arrived.contains(params) || proposer.stale(params, arrived)) {
                return null;
            }
        }
        int number = now.last() + 1;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tune4j_trial (study, number, state, params, "
                + "worker) VALUES (?, ?, 'running', ?, ?)")) {
            insert.setString(1, name);
            insert.setInt(2, number);
            insert.setString(3, Json.line(params));
            insert.setString(4, study.worker());
            insert.executeUpdate();
        }
        queue.enqueue(c, number + 1, queued);
        return new PgStudy.Claim(number, params, now.finished(), false);
    }

    /**
     * Under the lock, with queued rows: claims one; null when all are being claimed by others at
     * this moment (their claims commit within milliseconds; the ask goes on as without a queue).
     */
    private PgStudy.Next claimQueued(Connection c, View now) throws SQLException {
        PgQueue.Claimed claimed = queue.claim(c);
        return claimed == null ? null : PgQueue.asClaim(claimed, now.finished());
    }

    /**
     * The points of the trials numbered after {@code snapshot}: the proposal did not see them.
     * Running or already finished: a trial may start and end while a worker waits for the lock.
     */
    private static List<Map<String, Object>> arrivedSince(View snapshot, View now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TrialRecord t : now.finished().subList(now.finished().size() - newer(now.finished(), snapshot.last()),
                now.finished().size())) {
            out.add(t.params());
        }
        now.pending().stream().filter(p -> p.number() > snapshot.last()).forEach(p -> out.add(p.params()));
        return out;
    }

    /** How many of {@code finished} (in number order) are numbered after {@code last}. */
    private static int newer(List<TrialRecord> finished, int last) {
        int k = 0;
        for (int i = finished.size() - 1; i >= 0 && finished.get(i).number() > last; i--) {
            k++;
        }
        return k;
    }

    /**
     * One query: the rows not in this worker's cache of finished trials; the finished among them
     * join the cache. A running trial whose heartbeat is older than the grace period is silent.
     */
    private View read(Connection c) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        int last = finished.isEmpty() ? 0 : finished.lastKey();
        try (PreparedStatement q = c.prepareStatement("SELECT number, state, params, record, state = 'running' AND "
                + "heartbeat < now() - make_interval(secs => ?) FROM tune4j_trial WHERE study = ? AND number <> ALL (?) "
                + "ORDER BY number")) {
            Array known = c.createArrayOf("integer", finished.keySet().toArray(new Integer[0]));
            q.setDouble(1, grace.toMillis() / 1e3);
            q.setString(2, name);
            q.setArray(3, known);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    int number = r.getInt(1);
                    last = Math.max(last, number);
                    if (r.getString(4) != null) {
                        finished.put(number, PgStudy.record(r.getString(4)));
                    } else {
                        pending.add(new Pending(number, r.getString(2), PgStudy.params(r.getString(3)), r.getBoolean(5)));
                    }
                }
            }
            known.free();
        }
        return new View(List.copyOf(finished.values()), pending, last);
    }

    private static AskTiming timing(PgStudy.Next next, Clock clock, long roundTrips) {
        String outcome;
        int number = 0;
        int finishedCount = 0;
        if (next instanceof PgStudy.Claim claim) {
            outcome = claim.requeued() ? "queued" : clock.proposed == 0 ? "batch" : "claim";
            number = claim.number();
            finishedCount = claim.finished().size();
        } else if (next instanceof PgStudy.Done done) {
            outcome = "done";
            finishedCount = done.finished().size();
        } else {
            outcome = "wait";
        }
        return new AskTiming(outcome, number, finishedCount, clock.pending, clock.conflicts, clock.lockedProposal, clock.proposed, clock.snapshot,
                clock.propose, clock.lockWait, clock.locked, roundTrips);
    }
}
