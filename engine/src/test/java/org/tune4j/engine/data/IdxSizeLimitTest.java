package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IDX files that claim more than they hold, or more than the reader takes, are refused before the
 * memory is allocated, the limit in the message (issue 18: 4000 x 4000 images and an 11.9 MB gzip
 * bomb ran out of memory; a directory missing one IDX file was read as an image folder).
 */
class IdxSizeLimitTest {
    @TempDir
    Path dir;

    private static byte[] imagesHeader(int count, int rows, int columns) {
        return ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns).array();
    }

    @Test
    void imagesLargerThanTheLimitAreRefusedFromTheHeader() throws IOException {
        Path file = Files.write(dir.resolve("big"), imagesHeader(10, 4000, 4000));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DataFileException.class)
                .hasMessage(file + ": images of 4000 x 4000 pixels, more than this reader's limit of 1,048,576 pixels"
                        + " per image (1024 x 1024)");
    }

    @Test
    void aGzipBombInflatesNoFurtherThanItsHeaderClaims() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write(imagesHeader(2, 28, 28));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {  // 256 MB of zeros in about 250 KB
                gz.write(zeros);
            }
        }
        Path file = Files.write(dir.resolve("bomb.gz"), compressed.toByteArray());
        assertThat(Files.size(file)).isLessThan(1 << 20);
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DataFileException.class)
                .hasMessage(file + ": inflates to more than the 1,584 bytes its IDX header claims (trailing data, or a "
                        + "gzip bomb); stopped reading there");
    }

    @Test
    void aGzippedHeaderClaimingMoreThanAnArrayHoldsIsRefusedUnread() throws IOException {
        Path file = Files.write(dir.resolve("claims.gz"), TestData.gzip(imagesHeader(60000, 1000, 1000)));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DataFileException.class)
                .hasMessage(file + ": the IDX header claims 60,000,000,016 bytes, more than this reader's limit of "
                        + "2,147,483,583");
    }

    @Test
    void aSmallFileClaimingManyImagesIsRefusedByItsLength() throws IOException {
        Path file = Files.write(dir.resolve("short"), imagesHeader(60000, 28, 28));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DataFileException.class)
                .hasMessage(file + ": truncated: expected 47040000 pixel bytes (60000 x 28 x 28), found 0");
    }

    @Test
    void aDirectoryMissingOneIdxFileIsNamedSoNotTakenForAnImageFolder() throws IOException {
        for (String name : MnistFormat.FILE_NAMES.subList(0, 3)) {
            Files.write(dir.resolve(name), new byte[] {0});
        }
        assertThatThrownBy(() -> Datasets.resolve(dir.toString(), ImageFolderOptions.defaults()))
                .hasMessage("dataset directory " + dir + " holds MNIST-named IDX files but not all four: missing "
                        + MnistFormat.TEST_LABELS + " (raw or .gz)");
    }

    @Test
    void oneTrainingImageCannotBeSplitAndSaysSo() {
        assertThatThrownBy(() -> DataSplits.trainCount(1, 1))
                .hasMessage("the training set holds 1 image: at least 2 are needed, one to train and one to validate");
    }
}
