package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path dir;

    /** Class folder name -> the one colour all its images have. */
    private static final String[] CLASSES = {"zebra", "apple", "mango"};
    private static final int[][] COLORS = {{200, 100, 50}, {10, 250, 30}, {0, 0, 255}};

    private static BufferedImage uniform(int w, int h, int[] rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
            }
        }
        return img;
    }

    /** Writes {@code perClass} images per class, in varying sizes (both shrunk and grown to 28 x 28). */
    private Path writeFolder(int perClass) throws IOException {
        Path root = dir.resolve("set");
        for (int c = 0; c < CLASSES.length; c++) {
            Path classDir = Files.createDirectories(root.resolve(CLASSES[c]));
            for (int i = 0; i < perClass; i++) {
                int size = i % 2 == 0 ? 40 : 9;
                ImageIO.write(uniform(size, size + i, COLORS[c]), "png", classDir.resolve("img" + i + ".png").toFile());
            }
            Files.writeString(classDir.resolve("notes.txt"), "ignored");
        }
        Files.writeString(root.resolve("README"), "a file beside the class folders is ignored");
        return root;
    }

    private static double luma(int[] rgb) {
        return (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255;
    }

    @Test
    void grayscaleResizeAndSplitFromFilesTheTestWrites() throws IOException {
        Path root = writeFolder(10); // 30 images
        ImageFolderOptions options = ImageFolderOptions.defaults().withFractions(0.2, 0.1);

        DataSplits s = ImageFolder.load(root, options);

        assertThat(s.train().classNames()).containsExactly("apple", "mango", "zebra");
        assertThat(s.test().count()).isEqualTo(3);
        assertThat(s.validation().count()).isEqualTo(6);
        assertThat(s.train().count()).isEqualTo(21);
        for (LabeledImages set : List.of(s.train(), s.validation(), s.test())) {
            assertThat(set.channels()).isEqualTo(1);
            assertThat(set.height()).isEqualTo(28);
            assertThat(set.width()).isEqualTo(28);
            for (int i = 0; i < set.count(); i++) {
                String name = set.classNames().get(set.labels()[i]);
                double expected = luma(COLORS[Arrays.asList(CLASSES).indexOf(name)]);
                // a uniform image stays uniform under any resize; 8-bit rounding of the resized RGB allowed
                for (int p = 0; p < 28 * 28; p++) {
                    assertThat((double) set.pixels()[i * 784 + p]).isCloseTo(expected, within(1.0 / 255));
                }
            }
        }
    }

    @Test
    void rgbKeepsThreePlanes() throws IOException {
        Path root = writeFolder(4);
        DataSplits s = ImageFolder.load(root, ImageFolderOptions.defaults().withGrayscale(false).withSize(5, 7));

        LabeledImages train = s.train();
        assertThat(train.channels()).isEqualTo(3);
        assertThat(train.imageSize()).isEqualTo(3 * 7 * 5);
        int label = train.labels()[0];
        int[] rgb = COLORS[Arrays.asList(CLASSES).indexOf(train.classNames().get(label))];
        for (int c = 0; c < 3; c++) {
            assertThat(train.pixels()[c * 35 + 17]).isEqualTo(rgb[c] / 255f);
        }
    }

    @Test
    void shuffleIsSeeded() throws IOException {
        Path root = writeFolder(8);
        ImageFolderOptions options = ImageFolderOptions.defaults();
        int[] a = ImageFolder.load(root, options).train().labels();
        int[] b = ImageFolder.load(root, options).train().labels();
        int[] c = ImageFolder.load(root, options.withSeed(99)).train().labels();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void areaAveragingIsTheOverlapWeightedMean() {
        BufferedImage src = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        int[] values = {0, 40, 100, 100, 80, 120, 100, 100, 10, 10, 255, 255, 30, 30, 255, 255};
        for (int i = 0; i < 16; i++) {
            src.setRGB(i % 4, i / 4, values[i] << 16);
        }
        BufferedImage half = ImageFolder.areaAverage(src, 2, 2);
        assertThat(half.getRGB(0, 0) >> 16 & 0xff).isEqualTo(60);  // (0 + 40 + 80 + 120) / 4
        assertThat(half.getRGB(1, 0) >> 16 & 0xff).isEqualTo(100);
        assertThat(half.getRGB(0, 1) >> 16 & 0xff).isEqualTo(20);
        assertThat(half.getRGB(1, 1) >> 16 & 0xff).isEqualTo(255);

        BufferedImage row = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        row.setRGB(0, 0, 0);
        row.setRGB(1, 0, 90);
        row.setRGB(2, 0, 180);
        BufferedImage two = ImageFolder.areaAverage(row, 2, 1);
        assertThat(two.getRGB(0, 0) & 0xff).isEqualTo(30);  // (0 * 1 + 90 * 0.5) / 1.5
        assertThat(two.getRGB(1, 0) & 0xff).isEqualTo(150); // (90 * 0.5 + 180 * 1) / 1.5
    }

    @Test
    void grayPngKeepsItsStoredValues() throws IOException {
        BufferedImage gray = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(3, 4, 0, 128);
        Path file = dir.resolve("g.png");
        ImageIO.write(gray, "png", file.toFile());

        float[] out = new float[28 * 28];
        ImageFolder.toFloats(ImageFolder.readRgb(file), true, out, 0);

        assertThat(out[4 * 28 + 3]).isCloseTo(128 / 255f, within(1e-6f));
        assertThat(out[0]).isEqualTo(0f);
    }

    @Test
    void committedImageFixtureLoads() throws IOException {
        DataSplits s = ImageFolder.load(TestData.repoRoot().resolve("data/fixtures/images-small"),
                ImageFolderOptions.defaults());
        assertThat(s.train().classNames()).containsExactly("digit0", "digit1", "digit2");
        assertThat(s.train().count() + s.validation().count() + s.test().count()).isEqualTo(36);
        assertThat(s.test().count()).isEqualTo(4);
        assertThat(s.validation().count()).isEqualTo(4);
        assertThat(s.train().height()).isEqualTo(28);
        assertThat(s.train().channels()).isEqualTo(1);
    }

    @Test
    void missingEmptyAndFileOnlyFoldersAreRejected() throws IOException {
        assertThatThrownBy(() -> ImageFolder.load(dir.resolve("nope"), ImageFolderOptions.defaults()))
                .isInstanceOf(DataFileException.class)
                .hasMessage("image folder not found: " + dir.resolve("nope"));

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ImageFolder.load(empty, ImageFolderOptions.defaults()))
                .hasMessageContaining("image folder " + empty + " is empty: expected one sub-folder per class");

        Path flat = Files.createDirectories(dir.resolve("flat"));
        ImageIO.write(uniform(4, 4, COLORS[0]), "png", flat.resolve("a.png").toFile());
        assertThatThrownBy(() -> ImageFolder.load(flat, ImageFolderOptions.defaults()))
                .hasMessageContaining("has no class folders")
                .hasMessageContaining("a.png");

        Path one = Files.createDirectories(dir.resolve("one").resolve("cats"));
        assertThatThrownBy(() -> ImageFolder.load(one.getParent(), ImageFolderOptions.defaults()))
                .hasMessageContaining("expected at least 2 class folders, found 1 (cats)");
    }

    @Test
    void classFolderWithoutImagesIsNamed() throws IOException {
        Path root = writeFolder(3);
        Path bare = Files.createDirectories(root.resolve("kiwi"));
        Files.writeString(bare.resolve("list.csv"), "x");
        assertThatThrownBy(() -> ImageFolder.load(root, ImageFolderOptions.defaults()))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("class folder " + bare + " holds no images");
    }

    @Test
    void unreadableImageIsNamed() throws IOException {
        Path root = writeFolder(3);
        Path bad = Files.write(root.resolve("apple").resolve("broken.png"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> ImageFolder.load(root, ImageFolderOptions.defaults()))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(bad + ": unreadable image");
    }

    @Test
    void tooFewImagesToSplitIsAnError() throws IOException {
        Path root = writeFolder(1); // 3 images: 1 validation and 1 test (0.9 rounded), leaving 1 to train: fine
        assertThat(ImageFolder.load(root, ImageFolderOptions.defaults().withFractions(0.3, 0.3)).train().count())
                .isEqualTo(1);
        assertThatThrownBy(() -> ImageFolder.load(root, ImageFolderOptions.defaults().withFractions(0.5, 0.4)))
                .hasMessageContaining("3 images are too few to hold out 2 for validation and 1 for test");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> ImageFolderOptions.defaults().withSize(0, 28))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image size: expected width and height in 1..4096, found 0 x 28");
        assertThatThrownBy(() -> ImageFolderOptions.defaults().withFractions(0, 0.1))
                .hasMessage("validation fraction: expected a value in (0, 1), found 0.0");
        assertThatThrownBy(() -> ImageFolderOptions.defaults().withFractions(0.1, -0.1))
                .hasMessage("test fraction: expected a value in [0, 1), found -0.1");
        assertThatThrownBy(() -> ImageFolderOptions.defaults().withFractions(0.6, 0.4))
                .hasMessageContaining("expected less than 1");
        ImageFolderOptions d = ImageFolderOptions.defaults();
        assertThat(List.of(d.width(), d.height(), d.channels())).containsExactly(28, 28, 1);
        assertThat(d.validationFraction()).isEqualTo(0.1);
        assertThat(d.testFraction()).isEqualTo(0.1);
    }
}
