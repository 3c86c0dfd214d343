package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void namesResolveWithoutLoading() {
        assertThat(Datasets.resolve("MNIST", ImageFolderOptions.defaults()).name()).isEqualTo("mnist");
        assertThat(Datasets.resolve("fashion-mnist", ImageFolderOptions.defaults()).name()).isEqualTo("fashion-mnist");
    }

    @Test
    void unknownNameIsRejectedListingTheChoices() {
        assertThatThrownBy(() -> Datasets.resolve("cifar", ImageFolderOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown dataset 'cifar': expected mnist, fashion-mnist, or a directory");
    }

    @Test
    void idxDirectoryLoadsWithTheTutorialsValidationShare() throws IOException {
        String fixture = TestData.repoRoot().resolve("data/fixtures/mnist-small").toString();
        List<String> log = new ArrayList<>();
        DataSplits s = Datasets.load(fixture, dir, log::add);
        assertThat(s.validation().count()).isEqualTo(167); // 2,000 / 12, as 5,000 is 60,000 / 12
        assertThat(s.train().count()).isEqualTo(1833);
        assertThat(s.test().count()).isEqualTo(500);
        assertThat(log).singleElement().asString().contains("last 167 of 2000");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing written to the cache").isEmpty();
        }
    }

    @Test
    void imageFolderDirectoryUsesTheFolderOptions() throws IOException {
        String fixture = TestData.repoRoot().resolve("data/fixtures/images-small").toString();
        DataSplits s = Datasets.load(fixture, dir, ImageFolderOptions.defaults().withSize(14, 14).withGrayscale(false),
                x -> { });
        assertThat(s.train().classes()).isEqualTo(3);
        assertThat(s.train().channels()).isEqualTo(3);
        assertThat(s.train().width()).isEqualTo(14);
    }

    @Test
    void fashionMnistAbsentEverywhereNamesTheDebianPackageAndDirectories() {
        Path cache = dir.resolve("fashion-mnist");
        assertThatThrownBy(() -> FashionMnist.load(cache, s -> { }, List.of(cache, dir.resolve("debian")), List.of()))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("Fashion-MNIST: missing train-images-idx3-ubyte")
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("/usr/share/datasets/fashion-mnist/")
                .hasMessageContaining("into " + cache.toAbsolutePath());
    }

    @Test
    void fashionMnistChecksumFileAgreesWithTheCode() throws IOException {
        String text = Files.readString(TestData.repoRoot().resolve("data/checksums/fashion-mnist.sha256"));
        assertThat(Checksums.parse(text)).containsExactlyEntriesOf(FashionMnist.SHA256);
    }

    @Test
    void fashionMnistFromDebianWhenInstalled() throws IOException {
        assumeTrue(Files.isRegularFile(FashionMnist.DEBIAN_DIR.resolve("t10k-labels-idx1-ubyte.gz")),
                "Debian's dataset-fashion-mnist is not installed");
        DataSplits s = FashionMnist.load(dir.resolve("empty-cache"), x -> { }, List.of(dir.resolve("empty-cache"),
                FashionMnist.DEBIAN_DIR), List.of());
        assertThat(s.train().count()).isEqualTo(55_000);
        assertThat(s.validation().count()).isEqualTo(5_000);
        assertThat(s.test().count()).isEqualTo(10_000);
        assertThat(s.test().classNames()).startsWith("T-shirt/top", "Trouser").endsWith("Ankle boot");
        assertThat(s.test().labels()[0]).isEqualTo(9); // the first test image is an ankle boot
    }
}
