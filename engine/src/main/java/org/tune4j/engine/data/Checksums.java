/*
 * Checksums: SHA-256 of in-memory file contents, checked against a known value, and the parser
 * for the sha256sum-style lists committed under data/checksums/. It is not a download or cache
 * manager; IdxDataset and the tuner's datasets decide what to verify and when.
 */
package org.tune4j.engine.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** SHA-256 helpers for dataset files (always of the raw, uncompressed bytes). */
public final class Checksums {

    private Checksums() {
    }

    /** Lower-case hexadecimal SHA-256 of {@code data}. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** Throws when the SHA-256 of {@code data} is not {@code expected}, naming the file and both hashes. */
    public static void verify(String name, byte[] data, String expected) throws DataFileException {
        String actual = sha256(data);
        if (!actual.equals(expected.toLowerCase(Locale.ROOT))) {
            throw new DataFileException(name + ": SHA-256 mismatch: expected " + expected + ", found " + actual
                    + " (the file is corrupt or not the expected release; delete it to fetch it again)");
        }
    }

    /**
     * Parses {@code sha256sum} output: one {@code <64 hex> <space><space or *><file name>} per line;
     * blank lines and lines starting with {@code #} are skipped. Returns file name to hash, in order.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.length() < 67 || !t.substring(0, 64).matches("[0-9a-fA-F]{64}") || t.charAt(64) != ' ') {
                throw new IllegalArgumentException("checksum line " + lineNo
                        + ": expected '<64 hex digits>  <file name>', found '" + t + "'");
            }
            String file = t.substring(66).strip();
            out.put(file, t.substring(0, 64).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
