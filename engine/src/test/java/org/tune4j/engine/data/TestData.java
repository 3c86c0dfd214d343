/*
 * TestData: builders the data tests share: IDX files written byte by byte (independently of
 * IdxReader), gzip, and the repository root.
 * Test code only.
 */
package org.tune4j.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
