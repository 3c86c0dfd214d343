package org.tune4j.tuner.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>With pipelined batches the lock is not waited for (round 4): the locked step tries it
 * ({@link PgStudy#tryLockStudy}); while another worker holds it (proposing a batch, or refilling
 * the queue) this one looks at the queue, claiming the first point that appears, and proposes
 * itself only when the queue stayed empty and the lock came free. Between two looks it waits for
 * the holder's notification at its commit (PostgreSQL's LISTEN/NOTIFY, at most
 * {@link #MAX_NOTIFIED_WAIT}; measured: polling every 5-50 ms instead cost 103 round trips per
 * trial at 16 workers and 401 at 32 on 2 busy cores, BENCHMARKS.md round 4); after
 * {@link #POLL_LIMIT} it waits for the lock. Without pipelined batches ({@code --queue-depth 0},
 * ask/tell) nobody notifies, and a worker waits for the lock as in round 3. Pipelined batches ({@link PgRefill}): after an
 * ask that leaves fewer points queued than the queue's depth, the worker refills the queue in the
 * background while its trial runs; in such a study a worker with others running never proposes
 * outside the lock (its point would collide with the refills').
 *
 * <p>Life cycle: one per {@link PgStudy} (one worker); not thread-safe (the worker asks from one
 * thread; its refill has its own reader and connection). Numbers stay unique and without gaps:
 * they are still taken under the lock.
 */
final class PgAsk {
    /** Conflicts after which the proposal is made under the lock. */
    static final int MAX_CONFLICTS = 1;
    /** Asks that propose under the lock after one that had a conflict (the study is busy: proposals collide). */
    static final int LOCKED_AFTER_CONFLICT = 8;
    /** After polling this long the worker waits for the lock instead (a holder that never lets go is the server's to end). */
    static final Duration POLL_LIMIT = Duration.ofSeconds(30);
    /**
     * With pipelined batches, the longest wait for a notification between two looks at the queue
     * (the lock's holder notifies at its commit, and this worker listens from its first wait on;
     * the bound is for a holder that did not notify, e.g. one that found the queue deep enough).
     */
    static final Duration MAX_NOTIFIED_WAIT = Duration.ofSeconds(1);

    private final PgStudy study;
    private final PgDatabase db;
    private final String name;
    private final Duration grace;
    private final int batch;  // points per proposal under the lock; 0: automatic (PgQueue#autoBatch)
    private final PgQueue queue;
    private final PgView reader;
    private final PgRefill refill;  // null: no pipelined batches
    private int lockedAsks;  // asks left that propose under the lock
    private int lastBatch = 1;  // the batch of the last proposal under the lock; above 1: propose under the lock
    private boolean listening;  // this worker's connection listens to the study's queue channel
    private boolean expectQueued;  // the last ask expects points queued now: the next claims in its snapshot's transaction

    /** A claim attempt and the read after it, in one transaction. */
    private record ClaimAndView(PgQueue.Claimed claimed, PgView.View view) {
    }

    /** The times and round trips of the ask in progress, and what the refill decision needs. */
    private static final class Clock {
        long snapshot;
        long propose;
        long lockWait;
        long locked;
        int conflicts;
        int pending;
        int proposed;
        boolean lockedProposal;
        PgView.View seen;  // the last view of the study this ask read
        boolean fromQueue;  // the trial handed out was a queued row
    }

    /** A locked step's answer, or none when the lock was busy and the queue empty ({@link #BUSY}). */
    private record Attempt(PgStudy.Next next) {
    }

    private static final Attempt BUSY = new Attempt(null);

    /**
     * @param batch  points proposed at once under the lock (k - 1 of them queued); 0 for automatic
     * @param refill this worker's background refill of the queue, or null for none
     */
    PgAsk(PgStudy study, PgDatabase db, String name, Duration grace, int batch, PgRefill refill) {
        this.study = study;
        this.db = db;
        this.name = name;
        this.grace = grace;
        this.batch = batch;
        this.queue = new PgQueue(name, study.worker());
        this.reader = new PgView(name, grace);
        this.refill = refill;
    }

    PgStudy.Next next(int calls, PgStudy.Proposer proposer, Consumer<String> notice, Consumer<AskTiming> timing) {
        Clock clock = new Clock();
        long trips = db.roundTrips();
        boolean busy = lockedAsks > 0 || batch > 1 || lastBatch > 1;  // batches are proposed under the lock
        lockedAsks = Math.max(0, lockedAsks - 1);
        PgStudy.Next next = null;
        PgView.View first = null;
        if (expectQueued) {  // the last ask left points queued: claim one first, in the snapshot's transaction
            long t = System.nanoTime();
            ClaimAndView both = db.transaction(c -> new ClaimAndView(queue.claim(c), reader.read(c)));
            clock.snapshot += System.nanoTime() - t;
            clock.seen = both.view();
            if (both.claimed() != null) {
                clock.fromQueue = true;
                next = PgQueue.asClaim(both.claimed(), both.view().finished());
            }
            first = both.view();
        }
        while (next == null) {
            boolean underLock = busy || clock.conflicts >= MAX_CONFLICTS;
            long t = System.nanoTime();
            PgView.View snapshot = first != null ? first : db.transaction(reader::read);
            if (first == null) {
                clock.snapshot += System.nanoTime() - t;
            }
            first = null;
            clock.seen = snapshot;
            if (snapshot.finished().size() >= calls) {
                next = new PgStudy.Done(snapshot.finished());
                break;
            }
            if (snapshot.queued() >= 0 && !snapshot.anySilent()) {  // a queued point: claimed without the study lock
                t = System.nanoTime();
                PgQueue.Claimed claimed = db.transaction(queue::claim);
                clock.locked += System.nanoTime() - t;
                if (claimed != null) {
                    clock.fromQueue = true;
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
            if (refill != null && snapshot.workers(study.worker()) > 1) {
                underLock = true;  // the queue is being refilled: a point proposed outside the lock would collide
            }
            Map<String, Object> proposal = null;
            if (!full && clean && !underLock) {
                t = System.nanoTime();
                proposal = proposer.propose(snapshot.finished(), snapshot.pendingParams());
                clock.pending = snapshot.pending().size();
                clock.propose += System.nanoTime() - t;
            }
            next = lockedOrPolled(calls, snapshot, proposal, proposer, notice, clock);
            if (next == null) {
                clock.conflicts++;
                lockedAsks = LOCKED_AFTER_CONFLICT;
            }
        }
        expectQueued = false;
        if (next instanceof PgStudy.Claim && refill != null) {
            expectQueued = requestRefill(calls, proposer, notice, clock) > 0;
        }
        timing.accept(timing(next, clock, db.roundTrips() - trips));
        return next;
    }

    /**
     * Takes the study's lock if it is free and answers under it ({@link #locked}); while another
     * worker holds it (proposing, or refilling the queue), looks at the queue instead of waiting
     * for the lock: claims the first queued point that appears, waiting between two looks for the
     * holder's notification; after {@link #POLL_LIMIT} waits for the lock. Without pipelined
     * batches (no one notifies) waits for the lock at once. Null for a conflict.
     */
    private PgStudy.Next lockedOrPolled(int calls, PgView.View seen, Map<String, Object> proposal,
                                        PgStudy.Proposer proposer, Consumer<String> notice, Clock clock) {
        long started = System.nanoTime();
        if (listening) {
            db.discardNotifications();  // those of commits before this look at the queue say nothing new
        }
        while (true) {
            boolean wait = refill == null || System.nanoTime() - started > POLL_LIMIT.toNanos();
            long t = System.nanoTime();
            long waited = clock.lockWait;
            long proposing = clock.propose;
            Attempt attempt = db.transaction(c -> attempt(c, wait, calls, seen, proposal, proposer, notice, clock));
            clock.locked += System.nanoTime() - t - (clock.lockWait - waited) - (clock.propose - proposing);
            if (attempt != BUSY) {
                return attempt.next();
            }
            if (!listening) {  // the first time: from now on this connection hears every holder's commit
                study.listenQueue();
                listening = true;
                continue;
            }
            t = System.nanoTime();
            db.awaitNotification(MAX_NOTIFIED_WAIT);
            clock.lockWait += System.nanoTime() - t;
        }
    }

    /** One transaction: the lock (tried, or waited for), then the locked step; or, when busy, one claim attempt. */
    private Attempt attempt(Connection c, boolean wait, int calls, PgView.View seen, Map<String, Object> proposal,
                            PgStudy.Proposer proposer, Consumer<String> notice, Clock clock) throws SQLException {
        long t = System.nanoTime();
        boolean locked = true;
        if (wait) {
            study.lockStudy(c);
        } else {
            locked = study.tryLockStudy(c);
        }
        clock.lockWait += System.nanoTime() - t;
        if (locked) {
            Attempt answer = new Attempt(locked(c, calls, seen, proposal, proposer, notice, clock));
            if (refill != null && clock.seen.workers(study.worker()) > 1) {
                study.notifyQueue(c);  // others may be waiting: for the points this queued, or for the lock
            }
            return answer;
        }
        PgQueue.Claimed claimed = queue.claim(c);
        if (claimed == null) {
            return BUSY;
        }
        clock.fromQueue = true;
        return new Attempt(PgQueue.asClaim(claimed, seen.finished()));
    }

    /**
     * Under the study row's lock: the answer from the rows as they are now; null for a conflict
     * (a trial became pending since {@code snapshot}: the proposal did not see it).
     *
     * @param proposal made from {@code snapshot}, or null to propose here
     */
    private PgStudy.Next locked(Connection c, int calls, PgView.View snapshot, Map<String, Object> proposal,
                                PgStudy.Proposer proposer, Consumer<String> notice, Clock clock) throws SQLException {
        study.reclaimLost(c, notice);
        PgView.View now = reader.read(c);
        clock.seen = now;
        if (now.finished().size() >= calls) {
            return new PgStudy.Done(now.finished());
        }
        if (now.queued() >= 0) {
            PgQueue.Claimed claimed = queue.claim(c);
            if (claimed != null) {
                clock.fromQueue = true;
                return PgQueue.asClaim(claimed, now.finished());
            }  // all being claimed by others at this moment (their claims commit within milliseconds)
        }
        if (now.finished().size() + now.pending().size() >= calls) {
            return new PgStudy.Wait();
        }
        Map<String, Object> params = proposal;
        List<Map<String, Object>> queued = List.of();
        if (params == null) {
            long p = System.nanoTime();
            int room = now.room(calls);
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
     * After a trial was handed out: when the queue, as this ask last saw it less what it took and
     * plus what it queued, is below the refill's depth and the budget has room, this worker
     * refills it in the background ({@link PgRefill}, which checks again under the lock).
     *
     * @return the points this worker expects queued at its next ask (then it claims before it reads)
     */
    private int requestRefill(int calls, PgStudy.Proposer proposer, Consumer<String> notice, Clock clock) {
        PgView.View seen = clock.seen;
        int added = Math.max(0, clock.proposed - 1);
        int left = seen.queuedCount() - (clock.fromQueue ? 1 : 0) + added;
        int room = seen.room(calls) - (clock.fromQueue ? 0 : clock.proposed);
        int depth = refill.depth(seen.workers(study.worker()));
        if (room > 0 && left < depth) {
            refill.request(calls, proposer.another(), notice);
        }
        return depth > 0 ? left + (room > 0 && left < depth ? 1 : 0) : 0;
    }

    /**
     * The points of the trials numbered after {@code snapshot}: the proposal did not see them.
     * Running or already finished: a trial may start and end while a worker waits for the lock.
     */
    private static List<Map<String, Object>> arrivedSince(PgView.View snapshot, PgView.View now) {
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
