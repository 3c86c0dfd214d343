package org.tune4j.tuner.storage.postgres;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A study storage URL, {@code postgresql://USER@HOST[:PORT]/DB} (libpq's URI form, without a
 * password: that comes from PGPASSWORD or ~/.pgpass, so it is never on a command line).
 *
 * @param user     the database role
 * @param host     host name or IPv4 address
 * @param port     TCP port, 5432 when the URL gives none
 * @param database the database name
 */
public record StorageUrl(String user, String host, int port, String database) {
    private static final String FORM = "postgresql://USER@HOST[:PORT]/DB";
    private static final Pattern URL = Pattern.compile(
            "postgres(?:ql)?://([A-Za-z0-9_.-]+)@([A-Za-z0-9_.-]+)(?::([0-9]{1,5}))?/([A-Za-z0-9_.-]+)");

    public StorageUrl {
        if (user == null || user.isEmpty() || host == null || host.isEmpty() || database == null || database.isEmpty()) {
            throw new IllegalArgumentException("storage URL: user, host and database are required (" + FORM + ")");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("storage URL: port expected 1..65535, found " + port);
        }
    }

    /**
     * Parses {@code text}; {@code option} names where it came from in the message of a malformed one.
     */
    public static StorageUrl parse(String text, String option) {
        int scheme = text.indexOf("://");
        int at = text.indexOf('@');
        if (scheme >= 0 && at > scheme && text.substring(scheme + 3, at).contains(":")) {
            throw new IllegalArgumentException(option + ": a password in the URL is not accepted (it would show in the "
                    + "process list); give it in PGPASSWORD or ~/.pgpass, and the URL as " + FORM);
        }
        Matcher m = URL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": expected " + FORM + ", found \"" + text + "\"");
        }
        int port = m.group(3) == null ? 5432 : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + ": port expected 1..65535, found " + port);
        }
        return new StorageUrl(m.group(1), m.group(2), port, m.group(4));
    }

    /** The JDBC URL (no credentials in it). */
    public String jdbc() {
        return String.format(Locale.ROOT, "jdbc:postgresql://%s:%d/%s", host, port, database);
    }

    /** The URL in its full form, for messages (it holds no password). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "postgresql://%s@%s:%d/%s", user, host, port, database);
    }
}
