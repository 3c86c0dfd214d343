package org.tune4j.tuner.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Creating, migrating and refusing schema versions, against the real PostgreSQL ({@link TestDatabase}). */
class PgSchemaTest {
    @Test
    void aVersionOneDatabaseIsMigratedToVersionTwoKeepingItsStudiesAndTrials() throws Exception {
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            PgDatabase db = TestDatabase.open(fresh.url());
            try {
                db.transaction(c -> {
                    c.createStatement().execute("CREATE TABLE tune4j_schema (version integer NOT NULL)");
                    PgSchema.createVersion1(c);
                    try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO tune4j_study (name, kind, config, space, calls) VALUES "
                                + "('old', 'minimize', '{}', '{}', 3)");
                        s.execute("INSERT INTO tune4j_trial (study, number, state, params, record) VALUES "
                                + "('old', 1, 'complete', '{\"x\":1}', '{\"number\":1}')");
                    }
                    return null;
                });
                PgSchema.ensure(db);
                assertThat(query(db, "SELECT version FROM tune4j_schema")).containsExactly("2");
                assertThat(query(db, "SELECT study || ' ' || number || ' ' || state || ' ' || params || ' ' || "
                        + "coalesce(log, 'no log') FROM tune4j_trial")).containsExactly("old 1 complete {\"x\":1} no log");
                assertThat(query(db, "SELECT count(*) FROM tune4j_model")).containsExactly("0");
                PgSchema.ensure(db);  // a second start finds version 2 and changes nothing
                assertThat(query(db, "SELECT version FROM tune4j_schema")).containsExactly("2");
            } finally {
                db.close();
            }
        }
    }

    @Test
    void anEmptyDatabaseGetsVersionTwoAndALaterVersionIsRefusedInOneLine() throws Exception {
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            PgDatabase db = TestDatabase.open(fresh.url());
            try {
                PgSchema.ensure(db);
                assertThat(query(db, "SELECT version FROM tune4j_schema")).containsExactly("2");
                assertThat(query(db, "SELECT count(*) FROM tune4j_model")).containsExactly("0");
                db.transaction(c -> c.createStatement().executeUpdate("UPDATE tune4j_schema SET version = 3"));
                assertThatThrownBy(() -> PgSchema.ensure(db)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("database " + fresh.url() + " holds tune4j schema version 3, this tune4j reads "
                                + "versions 1 to 2; use the tune4j that wrote it, or another database");
            } finally {
                db.close();
            }
        }
    }

    static List<String> query(PgDatabase db, String sql) {
        return db.transaction(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        });
    }
}
