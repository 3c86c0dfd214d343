package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInputTest {
    @TempDir
    Path tmp;

    /** A 28 x 28 image: a bar of {@code ink} across the middle on {@code paper}. */
    private Path digit(String name, Color paper, Color ink) throws IOException {
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, 28, 28);
        g.setColor(ink);
        g.fillRect(12, 4, 4, 20);
        g.dispose();
        Path file = tmp.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void readsLumaScaledToUnitRangeAndTellsTheBackground() throws IOException {
        float[] mnistLike = ImageInput.read(digit("dark.png", Color.BLACK, Color.WHITE), 1, 28, 28);
        assertThat(mnistLike[0]).isEqualTo(0f);
        assertThat(mnistLike[10 * 28 + 13]).isEqualTo(1f);
        assertThat(ImageInput.lightBackground(mnistLike, 1, 28, 28)).isFalse();

        float[] drawn = ImageInput.read(digit("light.png", Color.WHITE, Color.BLACK), 1, 28, 28);
        assertThat(ImageInput.lightBackground(drawn, 1, 28, 28)).isTrue();
        ImageInput.invert(drawn);
        assertThat(drawn).containsExactly(mnistLike);
    }

    @Test
    void aHugeDeclaredSizeIsRefusedBeforeDecoding() throws IOException {
        Path small = digit("small.png", Color.BLACK, Color.WHITE);
        byte[] png = Files.readAllBytes(small);
        // IHDR: length (8-11), "IHDR" (12-15), width (16-19), height (20-23), ..., CRC over 12-28 at 29-32
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 20_000);
        b.putInt(20, 20_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Path huge = tmp.resolve("huge.png");
        Files.write(huge, png);

        assertThatThrownBy(() -> ImageInput.read(huge, 1, 28, 28)).isInstanceOf(IOException.class)
                .hasMessage(huge + ": the image is 20,000 x 20,000 pixels, more than the limit of 67,108,864 pixels "
                        + "(8192 x 8192): resize it first");
    }

    @Test
    void everyBadFileIsNamed() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.png"), "not an image");
        assertThatThrownBy(() -> ImageInput.read(text, 1, 28, 28)).hasMessageStartingWith(text + ": unreadable image");
        assertThatThrownBy(() -> ImageInput.read(tmp.resolve("none.png"), 1, 28, 28))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("none.png");
        assertThatThrownBy(() -> ImageInput.read(tmp, 1, 28, 28)).hasMessage(tmp + ": not a regular file (expected an "
                + "image file)");

        Path truncated = tmp.resolve("truncated.png");
        byte[] png = Files.readAllBytes(digit("whole.png", Color.BLACK, Color.WHITE));
        Files.write(truncated, java.util.Arrays.copyOf(png, 40));
        assertThatThrownBy(() -> ImageInput.read(truncated, 1, 28, 28)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(truncated + ": ");
    }

    @Test
    void aFifoIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = tmp.resolve("pipe.png");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo available");

        assertThatThrownBy(() -> ImageInput.read(fifo, 1, 28, 28)).hasMessage(fifo + ": not a regular file (expected "
                + "an image file)");
    }
}
