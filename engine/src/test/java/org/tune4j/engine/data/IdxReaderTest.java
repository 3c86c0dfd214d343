package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final List<String> TEN = MnistFormat.DIGITS;

    @TempDir
    Path dir;

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    @Test
    void rawAndGzippedFilesReadTheSame() throws IOException {
        Path rawImages = write("images", TestData.idxImages(5, 3, 4));
        Path rawLabels = write("labels", TestData.idxLabels(5, 10));
        // gzip detected by magic bytes, not by the name
        Path gzImages = write("images-gz", TestData.gzip(TestData.idxImages(5, 3, 4)));
        Path gzLabels = write("labels.gz", TestData.gzip(TestData.idxLabels(5, 10)));

        LabeledImages raw = IdxReader.read(rawImages, rawLabels, TEN);
        LabeledImages gz = IdxReader.read(gzImages, gzLabels, TEN);

        assertThat(raw.count()).isEqualTo(5);
        assertThat(raw.channels()).isEqualTo(1);
        assertThat(raw.height()).isEqualTo(3);
        assertThat(raw.width()).isEqualTo(4);
        assertThat(raw.labels()).containsExactly(0, 1, 2, 3, 4);
        assertThat(gz.pixels()).containsExactly(raw.pixels());
        assertThat(gz.labels()).containsExactly(raw.labels());
    }

    @Test
    void pixelsAreDividedBy255() throws DataFileException {
        byte[] file = ByteBuffer.allocate(16 + 4).putInt(2051).putInt(1).putInt(2).putInt(2)
                .put((byte) 0).put((byte) 51).put((byte) 128).put((byte) 255).array();
        IdxReader.Images images = IdxReader.parseImages("x", file);
        LabeledImages set = IdxReader.combine("x", images, "y", new byte[] {7}, TEN);
        assertThat(set.pixels()).containsExactly(0f, 0.2f, 128 / 255f, 1f);
        assertThat(set.labels()).containsExactly(7);
    }

    @Test
    void aRangeEqualsThatSliceOfTheWholeSet() throws DataFileException {
        byte[] file = TestData.idxImages(10, 28, 28);
        byte[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        IdxReader.Images images = IdxReader.parseImages("x", file);
        LabeledImages whole = IdxReader.combine("x", images, "y", labels, TEN);
        LabeledImages range = IdxReader.combine("x", images, "y", labels, TEN, 3, 7);
        assertThat(range.count()).isEqualTo(4);
        assertThat(range.pixels()).containsExactly(whole.slice(3, 7).pixels());
        assertThat(range.labels()).containsExactly(3, 4, 5, 6);
        assertThat(whole.pixels()).isNotEmpty().contains(1f);  // the fixture is not all zeros
        assertThatThrownBy(() -> IdxReader.combine("x", images, "y", labels, TEN, 8, 11))
                .hasMessageContaining("[8, 11) outside 0..10");
    }

    @Test
    void truncatedPayloadIsRejectedWithExpectedAndFoundCounts() throws IOException {
        byte[] full = TestData.idxImages(10, 28, 28);
        Path cut = write("train-images-idx3-ubyte", Arrays.copyOf(full, 16 + 1200));
        assertThatThrownBy(() -> IdxReader.readImages(cut))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("train-images-idx3-ubyte")
                .hasMessageContaining("truncated: expected 7840 pixel bytes (10 x 28 x 28), found 1200");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] longer = Arrays.copyOf(TestData.idxLabels(4, 10), 8 + 6);
        assertThatThrownBy(() -> IdxReader.parseLabels("labels", longer))
                .hasMessageContaining("expected 4 label bytes, found 6 (2 trailing bytes)");
    }

    @Test
    void truncatedHeaderIsRejected() {
        byte[] cut = Arrays.copyOf(TestData.idxImages(1, 2, 2), 10);
        assertThatThrownBy(() -> IdxReader.parseImages("imgs", cut))
                .hasMessage("imgs: truncated header: expected 16 bytes, found 10");
        assertThatThrownBy(() -> IdxReader.parseLabels("lbls", new byte[2]))
                .hasMessageContaining("lbls: truncated: expected a 4-byte IDX magic number, found 2 bytes");
    }

    @Test
    void labelFileGivenAsImagesNamesBothMagicNumbers() throws IOException {
        Path labels = write("train-images-idx3-ubyte", TestData.idxLabels(3, 10));
        assertThatThrownBy(() -> IdxReader.readImages(labels))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(labels + ": expected magic 2051")
                .hasMessageContaining("found 2049 (rank 1, expected rank 3; a label file?)");
    }

    @Test
    void wrongRankIsRejected() {
        byte[] rank2 = ByteBuffer.allocate(12 + 4).putInt(0x0802).putInt(2).putInt(2).array();
        assertThatThrownBy(() -> IdxReader.parseImages("m", rank2))
                .hasMessageContaining("expected magic 2051")
                .hasMessageContaining("found 2050 (rank 2, expected rank 3)");
    }

    @Test
    void wrongDataTypeAndNonIdxFilesAreRejected() {
        byte[] floats = ByteBuffer.allocate(8).putInt(0x0D01).putInt(0).array();
        assertThatThrownBy(() -> IdxReader.parseLabels("f", floats))
                .hasMessageContaining("expected magic 2049")
                .hasMessageContaining("data type 0x0D, expected 0x08 = unsigned byte");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0};
        assertThatThrownBy(() -> IdxReader.parseLabels("p", png))
                .hasMessageContaining("not an IDX file");
    }

    @Test
    void zeroRowsAreRejected() {
        byte[] file = ByteBuffer.allocate(16).putInt(2051).putInt(0).putInt(0).putInt(28).array();
        assertThatThrownBy(() -> IdxReader.parseImages("z", file))
                .hasMessage("z: expected a positive number of rows, found 0");
    }

    @Test
    void mismatchedImageAndLabelCountsNameBothFiles() throws IOException {
        Path images = write("train-images-idx3-ubyte", TestData.idxImages(6, 2, 2));
        Path labels = write("train-labels-idx1-ubyte", TestData.idxLabels(5, 10));
        assertThatThrownBy(() -> IdxReader.read(images, labels, TEN))
                .isInstanceOf(DataFileException.class)
                .hasMessage("image and label files disagree: " + images + " holds 6 images but " + labels
                        + " holds 5 labels");
    }

    @Test
    void labelOutsideTheClassesIsRejected() throws IOException {
        Path images = write("i", TestData.idxImages(4, 2, 2));
        Path labels = write("l", TestData.idxLabels(4, 4));
        assertThatThrownBy(() -> IdxReader.read(images, labels, List.of("a", "b", "c")))
                .hasMessage(labels + ": label 3 is 3, expected 0..2");
    }

    @Test
    void aRangeChecksTheLabelsItKeeps() throws DataFileException {
        IdxReader.Images images = IdxReader.parseImages("x", TestData.idxImages(10, 2, 2));
        byte[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 20, 9};
        assertThat(IdxReader.combine("x", images, "y", labels, TEN, 0, 5).labels()).containsExactly(0, 1, 2, 3, 4);
        assertThatThrownBy(() -> IdxReader.combine("x", images, "y", labels, TEN, 5, 10))
                .isInstanceOf(DataFileException.class)
                .hasMessage("y: label 8 is 20, expected 0..9");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("t10k-labels-idx1-ubyte");
        assertThatThrownBy(() -> IdxReader.readLabels(missing))
                .isInstanceOf(DataFileException.class)
                .hasMessage("file not found: " + missing);
    }

    @Test
    void corruptGzipIsNamed() throws IOException {
        byte[] gz = TestData.gzip(TestData.idxImages(20, 28, 28));
        Path cut = write("imgs.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(cut))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(cut + ": corrupt or truncated gzip data");
    }
}
