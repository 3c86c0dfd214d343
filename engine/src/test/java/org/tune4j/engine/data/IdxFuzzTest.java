package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.fuzz.Mutations;

/**
 * Seeded mutations of small IDX image and label files, raw and gzipped (byte flips, truncations,
 * big dimension fields, inserted bytes): each either fails with a {@link DataFileException} or reads
 * as IDX data of the claimed sizes. No other exception, no error (out of memory), no hang.
 */
class IdxFuzzTest {
    private static final int MUTATIONS = 300;

    @TempDir
    Path dir;

    private interface Reader {
        Object read(Path file) throws Exception;
    }

    private void fuzz(byte[] original, int sizeField, Reader reader, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] refused = {0};
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                Mutations.Mutant m = Mutations.mutate(original, rng, sizeField);
                byte[] bytes = i % 2 == 0 ? m.bytes() : TestData.gzip(m.bytes());
                Path file = Files.write(dir.resolve("mutant-" + (i % 2 == 0 ? "raw" : "gz")), bytes);
                try {
                    Object read = reader.read(file);
                    assertThat(read).as(m.description()).isNotNull();
                } catch (DataFileException expected) {
                    assertThat(expected.getMessage()).as(m.description()).contains(file.toString());
                    refused[0]++;
                } catch (Throwable other) {
                    fail(m.description() + ": " + other, other);
                }
            }
        });
        assertThat(refused[0]).as("refused mutants").isGreaterThan(MUTATIONS / 4);
    }

    @Test
    void mutatedImageFilesFailCleanlyOrReadAsImagesOfTheirClaimedSize() {
        fuzz(TestData.idxImages(6, 5, 4), 4, file -> {
            IdxReader.Images images = IdxReader.readImages(file);
            assertThat((long) images.count() * images.rows() * images.columns() + 16).isEqualTo(images.data().length);
            return images;
        }, 18);
    }

    @Test
    void mutatedLabelFilesFailCleanlyOrReadAsLabelsOfTheirClaimedCount() {
        fuzz(TestData.idxLabels(20, 10), 4, file -> {
            byte[] labels = IdxReader.readLabels(file);
            assertThat(labels).hasSizeLessThanOrEqualTo(20 + 8);
            return labels;
        }, 19);
    }
}
