package org.tune4j.tuner.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The two steps of {@code tune4j ask --storage} / {@code tune4j tell --storage} that differ from a
 * worker's: the trial an ask handed out ({@link PgStudy#next}) has no process beating for it, so
 * its heartbeat is set to the end of its lease, and {@code tell} records a result given on the
 * command line with one-line refusals. One transaction each.
 *
 * <p>The lease: without one ({@code lease} null, the default) the heartbeat is PostgreSQL's
 * {@code 'infinity'}: the trial stays {@code running} until told and is never taken for lost, as
 * a trial asked from a run directory stays pending. With {@code --lease SECONDS} the heartbeat is
 * the ask's time plus SECONDS: once the lease has run out the trial is silent like a dead worker's
 * and the next asking process that notices (after its grace period, {@code --heartbeat} x
 * {@code --grace}) marks it lost and re-queues its point ({@code --requeue}). A {@code tell} that
 * comes later still records its result if no other result was recorded first.
 */
public final class PgAskTell {
    private PgAskTell() {
    }

    /** Sets trial {@code number}'s heartbeat to the end of its lease (null: never lost). */
    public static void lease(PgDatabase db, String study, int number, Duration lease) {
        db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_trial SET heartbeat = " + (lease == null
                    ? "'infinity'" : "now() + make_interval(secs => ?)") + " WHERE study = ? AND number = ?")) {
                int i = 1;
                if (lease != null) {
                    u.setDouble(i++, lease.toMillis() / 1e3);
                }
                u.setString(i++, study);
                u.setInt(i, number);
                return u.executeUpdate();
            }
        });
    }

    /**
     * Records the outcome of trial {@code number} of {@code study}: a finite value, or (value null)
     * a failure. The time between ask and tell is not kept in the database: the record's seconds are 0.
     *
     * @throws IllegalArgumentException (one line) for a non-finite value, an unknown trial, or one
     *                                  that already has a result
     */
    public static TrialRecord tell(PgDatabase db, String study, int number, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("--value: expected a finite number, found " + value
                    + " (use --failed for a trial that failed)");
        }
        String where = "study \"" + study + "\" in " + db.url();
        return db.transaction(c -> {
            String params;
            try (PreparedStatement q = c.prepareStatement("SELECT params, record, state FROM tune4j_trial WHERE "
                    + "study = ? AND number = ? FOR UPDATE")) {
                q.setString(1, study);
                q.setInt(2, number);
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("--trial: " + where + " has no trial " + number + " ("
                                + range(c, study) + ")");
                    }
                    if (r.getString(2) != null) {
                        TrialRecord told = PgStudy.record(r.getString(2));
                        throw new IllegalArgumentException("--trial: trial " + number + " of " + where + " already has "
                                + "a result (" + r.getString(3) + (told.value() == null ? "" : " " + told.value())
                                + "); a trial is told once");
                    }
                    params = r.getString(1);
                }
            }
            TrialRecord trial = value == null
                    ? new TrialRecord(number, PgStudy.params(params), null, TrialState.FAILED, "reported failed by tell",
                            0, List.of(), null)
                    : new TrialRecord(number, PgStudy.params(params), value, TrialState.COMPLETE, null, 0, List.of(),
                            null);
            try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_trial SET state = ?, record = ?, "
                    + "heartbeat = now() WHERE study = ? AND number = ?")) {
                u.setString(1, trial.state().name().toLowerCase(Locale.ROOT));
                u.setString(2, Json.line(trial));
                u.setString(3, study);
                u.setInt(4, number);
                u.executeUpdate();
            }
            return trial;
        });
    }

    private static String range(Connection c, String study) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT max(number) FROM tune4j_trial WHERE study = ?")) {
            q.setString(1, study);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                int last = r.getInt(1);
                return last == 0 ? "no trial was asked for yet" : "its trials are 1.." + last;
            }
        }
    }
}
