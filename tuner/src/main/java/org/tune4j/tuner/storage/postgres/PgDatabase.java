package org.tune4j.tuner.storage.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Connections to the study database, and the retry policy when it goes away.
 *
 * <p>Connecting at start-up fails at once with one line naming the cause (wrong password, unknown
 * database, unreachable host). Once a worker has worked, an operation that loses the connection
 * ({@link #isConnectionLoss}: SQLSTATE class 08, or 57P01..57P03 of a server shutting down or
 * starting) is retried on a new connection with bounded exponential backoff (1, 2, 4, 8, 15, 15 ...
 * seconds, {@link #MAX_RETRIES} times), one line per retry; the operations are transactions, so a
 * retried one is applied once.
 */
public final class PgDatabase {
    /** Retries of one operation before the worker gives up. */
    public static final int MAX_RETRIES = 12;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final StorageUrl url;
    private final String password;
    private final Consumer<String> notice;
    private final RoundTrips roundTrips;
    private final List<PgDatabase> siblings = new ArrayList<>();
    private final Set<String> channels = new LinkedHashSet<>();  // LISTENed to on every connection
    private Connection connection;

    /** A transaction's body. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * @param password the password (from {@link PgPass}), or null for none; never printed
     * @param notice   receives the one-line retry notices
     */
    public PgDatabase(StorageUrl url, String password, Consumer<String> notice) {
        this(url, password, notice, new RoundTrips());
    }

    private PgDatabase(StorageUrl url, String password, Consumer<String> notice, RoundTrips roundTrips) {
        this.url = url;
        this.password = password;
        this.notice = notice;
        this.roundTrips = roundTrips;
    }

    /**
     * A second connection to the same database, with transactions of its own (a worker's
     * background refill of the study's queue, {@link PgRefill}, beside its asks, heartbeats and
     * results on this one): connected on its first transaction, its round trips counted with this
     * one's, closed with this one.
     */
    public synchronized PgDatabase sibling() {
        PgDatabase s = new PgDatabase(url, password, notice, roundTrips);
        siblings.add(s);
        return s;
    }

    public StorageUrl url() {
        return url;
    }

    /** Opens the first connection, without retries: a failure is one line naming the URL and the cause. */
    public synchronized void connect() {
        try {
            connection = open();
        } catch (SQLException e) {
            throw new IllegalArgumentException(describe(e));
        }
    }

    /** Runs {@code work} in one transaction, retrying it on a new connection when the connection is lost. */
    public synchronized <T> T transaction(Work<T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = open();
                }
                connection.setAutoCommit(false);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly();  // never leave the transaction (and the study row's lock) open
                throw e;
            } catch (SQLException e) {
                rollbackQuietly();
                if (!isConnectionLoss(e) || attempt >= MAX_RETRIES) {
                    throw new IllegalStateException(describe(e) + (attempt > 0 ? " (after " + attempt + " retries)" : ""),
                            e);
                }
                closeQuietly();
                long seconds = Math.min(15, 1L << Math.min(attempt, 4));
                notice.accept(String.format(Locale.ROOT, "database %s unreachable (%s); retry %d of %d in %d s", url,
                        firstLine(e), attempt + 1, MAX_RETRIES, seconds));
                sleep(seconds * 1000);
            }
        }
    }

    /**
     * Listens to {@code channel} (a plain identifier) on this connection from now on, and again on
     * every connection that replaces a lost one; nothing when it already does.
     */
    public synchronized void listen(String channel) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("LISTEN channel: expected a plain identifier, found \"" + channel + "\"");
        }
        if (channels.add(channel) && connection != null) {
            transaction(c -> {
                listen(c, channel);
                return null;
            });
        }
    }

    /**
     * Waits up to {@code timeout} for a notification on a channel this connection listens to
     * (PostgreSQL's LISTEN/NOTIFY: a notification is delivered when the notifying transaction
     * commits, to the sessions listening then); true when one came. No statement is sent: the
     * driver reads the socket. A lost connection returns false (the next transaction reconnects).
     */
    public synchronized boolean awaitNotification(Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (connection == null) {
            sleep(millis);
            return false;
        }
        try {
            PGNotification[] got = connection.unwrap(PGConnection.class).getNotifications(millis);
            return got != null && got.length > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops the notifications received so far and not yet read (no statement is sent). */
    public synchronized void discardNotifications() {
        try {
            if (connection != null) {
                connection.unwrap(PGConnection.class).getNotifications();
            }
        } catch (SQLException e) {
            // a lost connection: nothing to discard
        }
    }

    /** Round trips to the server so far (statements, commits, rollbacks), on every connection of this database. */
    public long roundTrips() {
        return roundTrips.count();
    }

    /**
     * Closes the connection, then the siblings' (each once its transaction in progress, if any, has
     * ended: a transaction is never cut in half by this worker; the server rolls back one whose
     * process dies).
     */
    public void close() {
        List<PgDatabase> others;
        synchronized (this) {
            closeQuietly();
            others = List.copyOf(siblings);
        }
        others.forEach(PgDatabase::close);
    }

    private Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("ApplicationName", "tune4j");
        Connection c = roundTrips.wrap(DriverManager.getConnection(url.jdbc(), p));
        for (String channel : channels) {  // a new connection listens where the lost one did (autocommit: at once)
            listen(c, channel);
        }
        return c;
    }

    /** LISTEN on {@code channel}, a plain identifier (checked by {@link #listen(String)}). */
    private static void listen(Connection c, String channel) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + channel);
        }
    }

    /** True when the connection (not the statement) failed: worth a retry on a new connection. */
    static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** One line naming the URL and what went wrong, in words a user can act on. */
    String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "database " + url;
        return switch (state) {
            case "28P01", "28000" -> where + ": password authentication failed for user \"" + url.user()
                    + "\" (the password comes from PGPASSWORD or ~/.pgpass)";
            case "3D000" -> where + ": database \"" + url.database() + "\" does not exist (create it: createdb -O "
                    + url.user() + " " + url.database() + ")";
            case "08001", "08004", "08006" -> where + " unreachable: " + firstLine(e) + " (is the server running and "
                    + "listening on " + url.host() + ":" + url.port() + "?)";
            default -> where + ": " + firstLine(e);
        };
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is gone; it is replaced on the next attempt
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing a lost connection
        }
        connection = null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
