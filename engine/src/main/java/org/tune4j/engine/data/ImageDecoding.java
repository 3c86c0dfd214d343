package org.tune4j.engine.data;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Decodes one image file (PNG, JPEG, or any format javax.imageio reads) with the size its header
 * declares checked first: shared by image folders and by {@code tune4j predict}. Not a converter:
 * the callers turn the decoded image into pixels.
 */
public final class ImageDecoding {
    private ImageDecoding() {
    }

    /**
     * Decodes an image after checking the size its header declares against {@link ImageFolder#MAX_PIXELS}, so
     * that a small file declaring 20000 x 20000 pixels is refused before the pixels are allocated.
     * Every failure names the file (javax.imageio's own messages, such as "Error skipping PNG
     * metadata", do not).
     */
    public static BufferedImage decode(Path file) throws DataFileException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DataFileException(file + ": unreadable image: not a PNG or JPEG that javax.imageio can decode");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > ImageFolder.MAX_PIXELS) {
                    throw new DataFileException(String.format(Locale.ROOT, "%s: the image is %,d x %,d pixels, more "
                            + "than the limit of %,d pixels (8192 x 8192): resize it first", file, width, height, ImageFolder.MAX_PIXELS));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (DataFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(file + ": unreadable image (" + e.getMessage() + ")", e);
        }
    }

}
