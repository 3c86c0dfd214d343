package org.tune4j.tuner.storage.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.PendingTrial;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * A whole study written into the database in one transaction ({@code tune4j copy RUN_DIR URL}):
 * its description (kind, configuration, space, creation time), every finished trial with its state
 * and record (history and intermediate values included), the trials asked and not told as queued
 * trials (the next worker runs them), and the best model with its test figures. A study of that
 * name already in the database is refused; nothing is written then.
 */
public final class PgImport {
    /** The creation time as a run directory's study.json spells it (ISO-8601, whole seconds, UTC). */
    static final String CREATED = "to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

    private PgImport() {
    }

    /**
     * The best model to store with the study.
     *
     * @param number       the best finished trial's number
     * @param value        its value
     * @param bytes        the model file's bytes
     * @param testAccuracy the test figures recorded with it, or null
     * @param testLoss     the test loss, or null
     */
    public record Model(int number, double value, byte[] bytes, Double testAccuracy, Double testLoss) {
    }

    /**
     * Writes the study {@code name}.
     *
     * @param calls the study's budget of finished trials
     * @param model the best model, or null
     */
    public static void write(PgDatabase db, String name, StudyDescription study, int calls, List<TrialRecord> finished,
                             Map<Integer, PendingTrial> pending, Model model) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tune4j_study (name, kind, config, space, calls, "
                    + "created) VALUES (?, ?, ?, ?, ?, ?::timestamptz) ON CONFLICT (name) DO NOTHING")) {
                s.setString(1, name);
                s.setString(2, study.kind());
                s.setString(3, Json.line(study.config()));
                s.setString(4, Json.line(SpaceFile.toJson(study.space())));
                s.setInt(5, calls);
                s.setString(6, study.created());
                if (s.executeUpdate() != 1) {
                    throw new IllegalArgumentException("--name: study \"" + name + "\" already exists in " + db.url()
                            + "; copy into a new name");
                }
            }
            try (PreparedStatement t = c.prepareStatement("INSERT INTO tune4j_trial (study, number, state, params, "
                    + "record, worker, handed_out, heartbeat) VALUES (?, ?, ?, ?, ?, 'copy', ?, ?::timestamptz)")) {
                for (TrialRecord r : finished) {
                    add(t, name, r.number(), r.state().name().toLowerCase(Locale.ROOT), Json.line(r.params()),
                            Json.line(r), 1, java.time.Instant.now().toString());
                }
                for (Map.Entry<Integer, PendingTrial> p : pending.entrySet()) {
                    add(t, name, p.getKey(), "queued", Json.line(p.getValue().params()), null, 0,
                            p.getValue().askedAt().toString());
                }
                t.executeBatch();
            }
            if (model != null) {
                try (PreparedStatement m = c.prepareStatement("INSERT INTO tune4j_model (study, number, value, model, "
                        + "test_accuracy, test_loss) VALUES (?, ?, ?, ?, ?, ?)")) {
                    m.setString(1, name);
                    m.setInt(2, model.number());
                    m.setDouble(3, model.value());
                    m.setBytes(4, model.bytes());
                    m.setObject(5, model.testAccuracy());
                    m.setObject(6, model.testLoss());
                    m.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void add(PreparedStatement t, String study, int number, String state, String params, String record,
                            int handedOut, String heartbeat) throws SQLException {
        t.setString(1, study);
        t.setInt(2, number);
        t.setString(3, state);
        t.setString(4, params);
        t.setString(5, record);
        t.setInt(6, handedOut);
        t.setString(7, heartbeat);
        t.addBatch();
    }
}
