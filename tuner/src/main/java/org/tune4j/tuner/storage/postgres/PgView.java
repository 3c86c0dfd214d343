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
import org.tune4j.tuner.storage.TrialRecord;

/**
 * One reader's view of a shared study's trials: its cache of the finished ones (a finished trial's
 * record never changes once {@link PgStudy#finish} wrote it, so each is read once) and one query
 * for the rest (the running and queued rows and the new ones), giving a {@link View}.
 *
 * <p>It is not the ask's logic ({@link PgAsk}) nor the refill's ({@link PgRefill}); each of those
 * has one reader of its own. Life cycle: one per asking thread; not thread-safe.
 */
final class PgView {
    private final String name;
    private final Duration grace;
    private final TreeMap<Integer, TrialRecord> finished = new TreeMap<>();  // never changes once written

    /** A trial without a result: running or queued, with its worker (null for a lost or released one). */
    record Pending(int number, String state, Map<String, Object> params, String worker, boolean silent) {
        boolean queued() {
            return state.equals("queued");
        }
    }

    /** The study as one read saw it (finished: this reader's cache at that moment; last: the highest number). */
    record View(List<TrialRecord> finished, List<Pending> pending, int last) {
        List<Map<String, Object>> pendingParams() {
            return pending.stream().map(Pending::params).toList();
        }

        /** The lowest queued number, or -1 when none is queued. */
        int queued() {
            return pending.stream().filter(Pending::queued).mapToInt(Pending::number).findFirst().orElse(-1);
        }

        /** How many trials are queued. */
        int queuedCount() {
            return (int) pending.stream().filter(Pending::queued).count();
        }

        boolean anySilent() {
            return pending.stream().anyMatch(Pending::silent);
        }

        /** The workers with a running trial, and {@code self}: the workers this view can see. */
        int workers(String self) {
            Set<String> seen = new HashSet<>();
            seen.add(self);
            pending.stream().filter(p -> !p.queued() && p.worker() != null).forEach(p -> seen.add(p.worker()));
            return seen.size();
        }

        /** Budget left for new numbers: {@code calls} minus the finished and pending trials. */
        int room(int calls) {
            return calls - finished.size() - pending.size();
        }
    }

    PgView(String name, Duration grace) {
        this.name = name;
        this.grace = grace;
    }

    /**
     * One query: the rows not in this reader's cache of finished trials; the finished among them
     * join the cache. A running trial whose heartbeat is older than the grace period is silent.
     */
    View read(Connection c) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        int last = finished.isEmpty() ? 0 : finished.lastKey();
        try (PreparedStatement q = c.prepareStatement("SELECT number, state, params, record, state = 'running' AND "
                + "heartbeat < now() - make_interval(secs => ?), worker FROM tune4j_trial WHERE study = ? AND "
                + "number <> ALL (?) ORDER BY number")) {
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
                        pending.add(new Pending(number, r.getString(2), PgStudy.params(r.getString(3)),
                                r.getString(6), r.getBoolean(5)));
                    }
                }
            }
            known.free();
        }
        return new View(List.copyOf(finished.values()), pending, last);
    }
}
