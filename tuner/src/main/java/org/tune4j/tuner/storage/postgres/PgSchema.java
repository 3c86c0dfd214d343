package org.tune4j.tuner.storage.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables tune4j keeps in its database, created on first use, with the schema version recorded
 * in {@code tune4j_schema(version)}. A database at an earlier version is migrated in one
 * transaction (version 1 to 2: the best-model table and the running trial's training log); one at a
 * later version than this tune4j knows is refused in one line.
 *
 * <ul>
 *   <li>{@code tune4j_study}: one row per study: name, kind, configuration and space (JSON), the
 *       budget of finished trials;</li>
 *   <li>{@code tune4j_trial}: one row per trial number, allocated under the study row's lock:
 *       state {@code running}/{@code queued}/{@code complete}/{@code failed}/{@code pruned}, its
 *       point, the finished {@code TrialRecord} as JSON, the worker and its last heartbeat, the
 *       number of times it was handed out.</li>
 * </ul>
 */
public final class PgSchema {
    /** The schema version this tune4j writes and reads. */
    public static final int VERSION = 2;

    private PgSchema() {
    }

    /** Creates the tables when the database has none, migrates an earlier version; refuses a later one. */
    public static void ensure(PgDatabase db) {
        Integer found = db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(4104161)");  // one creator or migrator at a time
                s.execute("CREATE TABLE IF NOT EXISTS tune4j_schema (version integer NOT NULL)");
                try (ResultSet r = s.executeQuery("SELECT version FROM tune4j_schema")) {
                    if (r.next()) {
                        int version = r.getInt(1);
                        if (version == 1) {
                            migrateTo2(c);
                            return VERSION;
                        }
                        return version;
                    }
                }
                createVersion1(c);
                migrateTo2(c);
                return VERSION;
            }
        });
        if (found != VERSION) {
            throw new IllegalArgumentException("database " + db.url() + " holds tune4j schema version " + found
                    + ", this tune4j reads versions 1 to " + VERSION + "; use the tune4j that wrote it, or another "
                    + "database");
        }
    }

    /** The version 1 tables, as the first tune4j with a database made them (kept: migrations start from it). */
    static void createVersion1(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE tune4j_study (
                      name text PRIMARY KEY,
                      kind text NOT NULL,
                      config text NOT NULL,
                      space text NOT NULL,
                      calls integer NOT NULL,
                      created timestamptz NOT NULL DEFAULT now())""");
            s.execute("""
                    CREATE TABLE tune4j_trial (
                      study text NOT NULL REFERENCES tune4j_study(name) ON DELETE CASCADE,
                      number integer NOT NULL,
                      state text NOT NULL,
                      params text NOT NULL,
                      record text,
                      worker text,
                      handed_out integer NOT NULL DEFAULT 1,
                      heartbeat timestamptz NOT NULL DEFAULT now(),
                      PRIMARY KEY (study, number))""");
            s.execute("INSERT INTO tune4j_schema (version) VALUES (1)");
        }
    }

    /** Version 1 to 2: the best model of each study, and the running trial's training log. */
    private static void migrateTo2(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE tune4j_model (
                      study text PRIMARY KEY REFERENCES tune4j_study(name) ON DELETE CASCADE,
                      number integer NOT NULL,
                      value double precision NOT NULL,
                      model bytea NOT NULL,
                      test_accuracy double precision,
                      test_loss double precision,
                      saved timestamptz NOT NULL DEFAULT now())""");
            s.execute("ALTER TABLE tune4j_trial ADD COLUMN log text");
            s.execute("UPDATE tune4j_schema SET version = 2");
        }
    }
}
