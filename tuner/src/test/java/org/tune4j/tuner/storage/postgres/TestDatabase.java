package org.tune4j.tuner.storage.postgres;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the storage tests run against: {@code TUNE4J_TEST_STORAGE}
 * ({@code postgresql://USER@HOST:PORT/DB}, its password in {@code PGPASSWORD}), set by
 * {@code .ci/run}. Without it a test is skipped, saying so, except under {@code CI=true}, where it
 * fails. {@link #fresh} makes a throw-away database of its own (the role may create databases, as
 * {@code .ci/run}'s does), dropped by {@link Fresh#close}.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    /** The test server's URL, or the test is skipped (failed under CI). */
    public static StorageUrl url() {
        return StorageUrl.parse(text(), "TUNE4J_TEST_STORAGE");
    }

    /** The test server's URL as given in TUNE4J_TEST_STORAGE, or the test is skipped (failed under CI). */
    public static String text() {
        String url = System.getenv("TUNE4J_TEST_STORAGE");
        if (url == null || url.isBlank()) {
            String missing = "TUNE4J_TEST_STORAGE (postgresql://USER@HOST:PORT/DB of a throw-away database) is not set;"
                    + " .ci/run starts a PostgreSQL cluster and sets it";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            System.err.println("PostgreSQL test skipped: " + missing);
            Assumptions.abort(missing);
        }
        return url;
    }

    /** A plain JDBC connection to {@code url} (postgresql://USER@HOST:PORT/DB), the password from PGPASSWORD. */
    public static Connection connect(String url) throws SQLException {
        StorageUrl u = StorageUrl.parse(url, "TUNE4J_TEST_STORAGE");
        return DriverManager.getConnection(u.jdbc(), u.user(), System.getenv("PGPASSWORD"));
    }

    /** A connected database handle (no retries printed anywhere but stderr). */
    public static PgDatabase open(StorageUrl url) {
        PgDatabase db = new PgDatabase(url, System.getenv("PGPASSWORD"), System.err::println);
        db.connect();
        return db;
    }

    /** A new empty database on the test server, dropped on close. */
    public static Fresh fresh() throws SQLException {
        StorageUrl server = url();
        String name = "tune4j_t" + Long.toUnsignedString(System.nanoTime(), 36);
        admin(server, "CREATE DATABASE " + name);
        return new Fresh(server, new StorageUrl(server.user(), server.host(), server.port(), name));
    }

    /** A throw-away database. */
    public record Fresh(StorageUrl server, StorageUrl url) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            admin(server, "DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
        }
    }

    private static void admin(StorageUrl server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbc(), server.user(), System.getenv("PGPASSWORD"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
