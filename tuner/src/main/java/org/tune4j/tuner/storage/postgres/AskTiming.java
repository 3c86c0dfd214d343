package org.tune4j.tuner.storage.postgres;

import java.util.Locale;

/**
 * Where one ask of a shared study ({@link PgStudy#next}) spent its time, for the scale figures of
 * issue 15 ({@code minimize --storage URL --ask-timing}): the unlocked read of the trials
 * (snapshot), the optimizer's proposal (outside the lock, or under it after a conflict), the
 * wait for the study row's lock (with the pauses between polls of the queue while another worker
 * held it) and the other work under it (reclaiming lost trials, the second
 * read, the insert, the commit), summed over the attempts.
 *
 * @param outcome    {@code claim} (a new point), {@code batch} (a point another worker proposed in a
 *                   batch and queued), {@code queued} (a lost or released trial handed out again),
 *                   {@code wait} or {@code done}; or a background refill of the queue ({@link PgRefill}):
 *                   {@code refill} ({@code proposed} points queued from trial {@code number} on) or
 *                   {@code refill-skipped} (the lock was busy, or the queue deep enough: nothing proposed)
 * @param number     the trial handed out, or 0
 * @param finished   finished trials the proposal saw
 * @param pending    running or queued trials the proposal saw (as constant liars); 0 without a proposal
 * @param conflicts  proposals thrown away because a trial became pending meanwhile
 * @param lockedProposal true when the proposal was made under the lock (after too many conflicts)
 * @param proposed   points proposed by this ask: 0 (none, or a queued one claimed), 1, or a batch's k
 * @param roundTrips statements, commits and rollbacks sent to the server during the ask
 */
public record AskTiming(String outcome, int number, int finished, int pending, int conflicts, boolean lockedProposal,
                        int proposed, long snapshotNanos, long proposeNanos, long lockWaitNanos, long lockedNanos, long roundTrips) {

    /** The whole ask, in seconds. */
    public double seconds() {
        return (snapshotNanos + proposeNanos + lockWaitNanos + lockedNanos) / 1e9;
    }

    /** One line, {@code ask trial 17 claim: 40 finished, 15 pending; snapshot 3.1 ms, ...}, for a log to parse. */
    public String line() {
        return String.format(Locale.ROOT, "ask trial %d %s: %d finished, %d pending, %d conflicts%s, %d proposed; snapshot %.1f ms, "
                + "propose %.1f ms, lock wait %.1f ms, locked %.1f ms, total %.1f ms, %d round trips", number, outcome,
                finished, pending, conflicts, lockedProposal ? " (proposed under the lock)" : "", proposed, snapshotNanos / 1e6,
                proposeNanos / 1e6, lockWaitNanos / 1e6, lockedNanos / 1e6, seconds() * 1e3, roundTrips);
    }
}
