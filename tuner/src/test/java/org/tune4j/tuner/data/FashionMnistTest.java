package org.tune4j.tuner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.data.Checksums;
import org.tune4j.engine.data.DataFileException;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.Datasets;
import org.tune4j.engine.data.ImageFolderOptions;

/** The registered names, and Fashion-MNIST from Debian's package or nowhere. */
class FashionMnistTest {

    @TempDir
    Path dir;

    @Test
    void registeredNamesResolveWithoutLoading() {
        assertThat(Datasets.resolve("MNIST", ImageFolderOptions.defaults())).isInstanceOf(Mnist.class);
        assertThat(Datasets.resolve("fashion-mnist", ImageFolderOptions.defaults())).isInstanceOf(FashionMnist.class);
        assertThatThrownBy(() -> Datasets.resolve("cifar", ImageFolderOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown dataset 'cifar': expected ")
                .hasMessageContainingAll("mnist, ", "fashion-mnist, ", ", or a directory");
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
