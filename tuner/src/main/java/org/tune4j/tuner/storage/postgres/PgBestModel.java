package org.tune4j.tuner.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The best model of a study in the database ({@code tune4j_model}, schema version 2): the
 * {@code .t4j} bytes of the best finished trial, so that {@code evaluate}, {@code predict} and
 * {@code report} work from any machine.
 *
 * <p>The best finished trial is the complete trial of the lowest value, the lowest number among
 * equal values (as {@code ResultsDocument.bestOf} picks it). The row is written only by
 * {@link #offer}, inside the transaction that records the trial's result and under the study
 * row's lock, so two workers finishing at once are serialized and the row is never the model of a
 * trial that is not the best finished one: when the best finished trial's bytes are missing (its
 * worker could not serialize them) the row is deleted rather than left holding a worse model.
 */
public final class PgBestModel {
    private static final String VALUE = "(record::json->>'value')::float8";

    private PgBestModel() {
    }

    /**
     * The stored best model.
     *
     * @param number       its trial number
     * @param value        its trial's value (minus the validation accuracy in a tune study)
     * @param bytes        the model file's bytes
     * @param testAccuracy the test accuracy a worker measured, or null
     * @param testLoss     the test loss with it, or null
     */
    public record Stored(int number, double value, byte[] bytes, Double testAccuracy, Double testLoss) {
    }

    /** The best finished trial's number and value (without any bytes). */
    public record Mark(int number, double value) {
        /** True when a complete trial {@code number} of {@code value} would be the best instead of this one. */
        public boolean beatenBy(int otherNumber, double otherValue) {
            return otherValue < value || otherValue == value && otherNumber < number;
        }
    }

    /** The best finished (complete) trial of the study so far, or empty. */
    public static Optional<Mark> bestFinished(PgDatabase db, String study) {
        return db.transaction(c -> bestFinished(c, study, -1));
    }

    /**
     * Called in the transaction that records complete trial {@code number}: when it is now the
     * best finished trial, stores {@code model} as the study's best model (or deletes the stored
     * one when {@code model} is null). Locks the study row first.
     *
     * @return true when {@code model} was stored
     */
    static boolean offer(Connection c, String study, int number, double value, byte[] model) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT name FROM tune4j_study WHERE name = ? FOR UPDATE")) {
            lock.setString(1, study);
            lock.executeQuery().close();
        }
        Optional<Mark> other = bestFinished(c, study, number);
        if (other.isPresent() && !other.get().beatenBy(number, value)) {
            return false;
        }
        if (model == null) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM tune4j_model WHERE study = ?")) {
                d.setString(1, study);
                d.executeUpdate();
            }
            return false;
        }
        try (PreparedStatement u = c.prepareStatement("INSERT INTO tune4j_model (study, number, value, model) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (study) DO UPDATE SET number = EXCLUDED.number, value = EXCLUDED.value, "
                + "model = EXCLUDED.model, test_accuracy = NULL, test_loss = NULL, saved = now()")) {
            u.setString(1, study);
            u.setInt(2, number);
            u.setDouble(3, value);
            u.setBytes(4, model);
            u.executeUpdate();
        }
        return true;
    }

    /** The stored best model, or empty when no trial's model is stored. */
    public static Optional<Stored> read(PgDatabase db, String study) {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT number, value, model, test_accuracy, test_loss "
                    + "FROM tune4j_model WHERE study = ?")) {
                q.setString(1, study);
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Stored(r.getInt(1), r.getDouble(2), r.getBytes(3),
                            (Double) r.getObject(4), (Double) r.getObject(5)));
                }
            }
        });
    }

    /** Records the test figures of the stored model of trial {@code number}; false when another model is stored now. */
    public static boolean recordTest(PgDatabase db, String study, int number, double accuracy, double loss) {
        return db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE tune4j_model SET test_accuracy = ?, test_loss = ? "
                    + "WHERE study = ? AND number = ?")) {
                u.setDouble(1, accuracy);
                u.setDouble(2, loss);
                u.setString(3, study);
                u.setInt(4, number);
                return u.executeUpdate() == 1;
            }
        });
    }

    /** The best complete trial other than {@code except}, by value then number. */
    private static Optional<Mark> bestFinished(Connection c, String study, int except) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT number, " + VALUE + " FROM tune4j_trial WHERE study = ? "
                + "AND state = 'complete' AND record IS NOT NULL AND number <> ? ORDER BY 2, 1 LIMIT 1")) {
            q.setString(1, study);
            q.setInt(2, except);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(new Mark(r.getInt(1), r.getDouble(2))) : Optional.empty();
            }
        }
    }
}
