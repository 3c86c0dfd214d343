/*
 * TestData: builders the data tests share: IDX files written byte by byte (independently of
 * the engine's IdxReader), gzip, a ustar tar writer (independent of Commons Compress), and the
 * repository root.
 * Test code only.
 */
package org.tune4j.tuner.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

final class TestData {

    private TestData() {
    }

    /** An IDX image file: magic 2051, count, rows, cols, then pixel i = (i * 7) % 256. */
    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(2051).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count * rows * cols; i++) {
            b.put((byte) ((i * 7) % 256));
        }
        return b.array();
    }

    /** An IDX label file: magic 2049, count, then label i = i % classes. */
    static byte[] idxLabels(int count, int classes) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(2049).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % classes));
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(data);
        }
        return buf.toByteArray();
    }

    /** A ustar archive of regular files, in map order, ended by two zero blocks. */
    static byte[] tar(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            out.writeBytes(tarHeader(e.getKey(), e.getValue().length, '0'));
            out.writeBytes(e.getValue());
            out.writeBytes(new byte[(512 - e.getValue().length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    /** One ustar header block; names longer than 100 bytes are split into prefix and name. */
    static byte[] tarHeader(String path, long size, char type) {
        byte[] h = new byte[512];
        String name = path;
        String prefix = "";
        if (path.length() > 100) {
            int slash = path.lastIndexOf('/', 155);
            prefix = path.substring(0, slash);
            name = path.substring(slash + 1);
        }
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0001750");
        put(h, 116, "0001750");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 1_400_000_000L));
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        put(h, 345, prefix);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    /** The repository root (the directory holding data/checksums), found from the working directory up. */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data").resolve("checksums"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no data/checksums above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
