package org.tune4j.tuner.storage.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The password of a storage URL as libpq finds it (PostgreSQL 15 manual, section 34.16 "The
 * Password File"): {@code PGPASSWORD} first; else the first line of the password file
 * ({@code PGPASSFILE}, default {@code ~/.pgpass}) of the form
 * {@code hostname:port:database:username:password} whose first four fields match, {@code *}
 * matching anything, {@code \:} and {@code \\} escaping; {@code #} lines are comments. As libpq,
 * a file readable by group or others is ignored with a warning. The password is never printed.
 */
public final class PgPass {
    private PgPass() {
    }

    /**
     * @param env  the environment (read at the CLI edge)
     * @param home the user's home directory
     * @param warn receives the one-line warning about an ignored password file
     */
    public static Optional<String> password(StorageUrl url, Map<String, String> env, Path home, Consumer<String> warn) {
        String given = env.get("PGPASSWORD");
        if (given != null && !given.isEmpty()) {
            return Optional.of(given);
        }
        Path file = env.containsKey("PGPASSFILE") ? Path.of(env.get("PGPASSFILE")) : home.resolve(".pgpass");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (groupOrWorldReadable(file)) {
            warn.accept("password file " + file + " has group or world access; it is ignored (as libpq does): "
                    + "chmod 0600 " + file);
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            warn.accept("password file " + file + " cannot be read (" + e.getMessage() + "); it is ignored");
            return Optional.empty();
        }
        return lookup(lines, url);
    }

    /** The password of the first matching line of a password file's lines. */
    static Optional<String> lookup(List<String> lines, StorageUrl url) {
        String[] wanted = {url.host(), Integer.toString(url.port()), url.database(), url.user()};
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() < 5) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                String f = fields.get(i);
                match = f.equals("*") || f.equals(wanted[i]) || i == 0 && f.equals("localhost") && isLoopback(url.host());
            }
            if (match) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    /** libpq also matches "localhost" for a local socket; here, for the loopback address given by name. */
    private static boolean isLoopback(String host) {
        return host.equals("localhost");
    }

    /** Splits at unescaped colons; {@code \:} and {@code \\} are unescaped. The password is the rest of the line. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private static boolean groupOrWorldReadable(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
                    || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;  // no POSIX permissions (Windows): libpq does not check either
        }
    }
}
