package org.tune4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image files in an image folder are checked by the size their header declares before they are
 * decoded, and a damaged one is named (issue 18: a 20000 x 20000 PNG ran out of memory; "Error
 * skipping PNG metadata" named no file).
 */
class ImageFolderSizeLimitTest {
    @TempDir
    Path dir;

    /** A valid 2 x 2 PNG whose IHDR then claims {@code width x height} (with a correct chunk CRC). */
    private static byte[] pngClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        byte[] png = out.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width).putInt(20, height);  // IHDR data starts at 16: 8 signature + 4 length + 4 type
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);              // the chunk type and its 13 data bytes
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    private Path folder(byte[] odd) throws IOException {
        Path root = dir.resolve("set");
        for (String c : new String[] {"a", "b"}) {
            Path classDir = Files.createDirectories(root.resolve(c));
            for (int i = 0; i < 3; i++) {
                ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", classDir.resolve(i + ".png").toFile());
            }
        }
        Files.write(root.resolve("b").resolve("odd.png"), odd);
        return root;
    }

    @Test
    void aPngDeclaringMorePixelsThanTheLimitIsRefusedBeforeDecoding() throws IOException {
        byte[] png = pngClaiming(20000, 20000);
        assertThat(png.length).isLessThan(200);
        Path root = folder(png);
        assertThatThrownBy(() -> ImageFolder.load(root, ImageFolderOptions.defaults()))
                .isInstanceOf(DataFileException.class)
                .hasMessage(root.resolve("b").resolve("odd.png") + ": the image is 20,000 x 20,000 pixels, more than the "
                        + "limit of 67,108,864 pixels (8192 x 8192): resize it first");
    }

    @Test
    void aTruncatedPngIsNamed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] cut = Arrays.copyOf(out.toByteArray(), 40);
        Path root = folder(cut);
        assertThatThrownBy(() -> ImageFolder.load(root, ImageFolderOptions.defaults()))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(root.resolve("b").resolve("odd.png") + ": unreadable image");
    }
}
