package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** The engine registers no named dataset (the tuner's fetch them): a name here must be a directory. */
    @Test
    void unknownNameIsRejectedAskingForADirectory() {
        assertThatThrownBy(() -> Datasets.resolve("cifar", ImageFolderOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown dataset 'cifar': expected a directory (MNIST-named IDX files, or one"
                        + " sub-folder of PNG/JPEG images per class); no directory ");
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
}
