package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading four IDX files from a directory: checksums on the raw bytes, the tutorial's split, named errors. */
class IdxDatasetTest {

    @TempDir
    Path dir;

    /** A four-file dataset of synthetic IDX files: 30 training images (last 6 validate), 8 test. */
    private static final Map<String, byte[]> FILES = new LinkedHashMap<>();

    static {
        FILES.put("tr-img", TestData.idxImages(30, 4, 4));
        FILES.put("tr-lbl", TestData.idxLabels(30, 10));
        FILES.put("te-img", TestData.idxImages(8, 4, 4));
        FILES.put("te-lbl", TestData.idxLabels(8, 10));
    }

    private static IdxDataset synthetic() {
        Map<String, String> sums = new LinkedHashMap<>();
        FILES.forEach((k, v) -> sums.put(k, Checksums.sha256(v)));
        return new IdxDataset("SYN", "tr-img", "tr-lbl", "te-img", "te-lbl", sums, MnistFormat.DIGITS, 6);
    }

    @Test
    void readsAndSplitsTheLastImagesForValidation() throws IOException {
        FILES.forEach((name, data) -> write(dir.resolve(name), data));
        DataSplits splits = synthetic().read(dir, s -> { });
        assertThat(splits.train().count()).isEqualTo(24);
        assertThat(splits.validation().labels()).containsExactly(24 % 10, 25 % 10, 26 % 10, 27 % 10, 28 % 10, 29 % 10);
        assertThat(splits.test().count()).isEqualTo(8);
    }

    @Test
    void cachedFileWithWrongChecksumIsAnErrorNamingFileAndBothHashes() {
        FILES.forEach((name, data) -> write(dir.resolve(name), data));
        byte[] bad = FILES.get("tr-lbl").clone();
        bad[20] = 9;
        write(dir.resolve("tr-lbl"), bad);

        assertThatThrownBy(() -> synthetic().read(dir, s -> { }))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(dir.resolve("tr-lbl") + ": SHA-256 mismatch: expected "
                        + Checksums.sha256(FILES.get("tr-lbl")) + ", found " + Checksums.sha256(bad));
    }

    @Test
    void gzippedFilesAreVerifiedOnTheirRawBytes() throws IOException {
        for (Map.Entry<String, byte[]> e : FILES.entrySet()) {
            write(dir.resolve(e.getKey() + ".gz"), TestData.gzip(e.getValue()));
        }
        assertThat(synthetic().isIn(dir)).isTrue();
        DataSplits splits = synthetic().read(dir, s -> { });
        assertThat(splits.test().count()).isEqualTo(8);
    }

    @Test
    void missingFileInAFixtureDirectoryIsNamed() {
        assertThatThrownBy(() -> MnistFormat.read(dir, 10))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("missing file " + dir.resolve("train-images-idx3-ubyte"));
    }

    @Test
    void aBadLabelAmongTheValidationImagesIsRejected() throws IOException {
        byte[] trainLabels = TestData.idxLabels(30, 10);
        trainLabels[8 + 27] = 12;  // image 27: among the last 10, which validate
        Files.write(dir.resolve(MnistFormat.TRAIN_IMAGES), TestData.idxImages(30, 28, 28));
        Files.write(dir.resolve(MnistFormat.TRAIN_LABELS), trainLabels);
        Files.write(dir.resolve(MnistFormat.TEST_IMAGES), TestData.idxImages(5, 28, 28));
        Files.write(dir.resolve(MnistFormat.TEST_LABELS), TestData.idxLabels(5, 10));
        assertThatThrownBy(() -> MnistFormat.read(dir, 10))
                .isInstanceOf(DataFileException.class)
                .hasMessageEndingWith("train-labels-idx1-ubyte: label 27 is 12, expected 0..9");
    }

    @Test
    void committedFixtureLoadsWithTheRightCountsAndLabels() throws IOException {
        DataSplits small = MnistFormat.read(TestData.repoRoot().resolve("data/fixtures/mnist-small"), 200);

        assertThat(small.train().count()).isEqualTo(1800);
        assertThat(small.validation().count()).isEqualTo(200);
        assertThat(small.test().count()).isEqualTo(500);
        assertThat(small.train().height()).isEqualTo(28);
        assertThat(small.train().width()).isEqualTo(28);
        for (LabeledImages set : List.of(small.train(), small.validation(), small.test())) {
            assertThat(Arrays.stream(set.labels()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
            assertThat(Arrays.stream(set.labels()).max().orElseThrow()).isLessThanOrEqualTo(9);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float p : set.pixels()) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
            assertThat(min).isEqualTo(0f);
            assertThat(max).isEqualTo(1f);
        }
        // the first MNIST training labels are 5, 0, 4, 1, 9 and the first test labels 7, 2, 1, 0, 4
        assertThat(Arrays.copyOf(small.train().labels(), 5)).containsExactly(5, 0, 4, 1, 9);
        assertThat(Arrays.copyOf(small.test().labels(), 5)).containsExactly(7, 2, 1, 0, 4);
        assertThat(small.train().labels()).contains(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    private static void write(Path p, byte[] data) {
        try {
            Files.write(p, data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
