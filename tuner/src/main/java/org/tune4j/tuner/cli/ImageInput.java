package org.tune4j.tuner.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads an image file (PNG, JPEG, ...) as a model input: resized to the model's (height, width)
 * with bilinear interpolation, converted to its channels (1: luma, 3: R, G, B), scaled to [0, 1],
 * laid out (channels, height, width).
 */
final class ImageInput {
    private ImageInput() {
    }

    static float[] read(Path file, int channels, int height, int width) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        BufferedImage src = ImageIO.read(file.toFile());
        if (src == null) {
            throw new IOException(file + ": not an image this Java can read (expected PNG, JPEG, GIF or BMP)");
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        float[] x = new float[channels * height * width]; // (C, H, W)
        for (int y = 0; y < height; y++) {
            for (int col = 0; col < width; col++) {
                int rgb = img.getRGB(col, y);
                int r = (rgb >> 16) & 0xff;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (channels == 1) {
                    x[y * width + col] = (float) ((0.299 * r + 0.587 * gr + 0.114 * b) / 255.0);
                } else {
                    int plane = height * width;
                    x[y * width + col] = r / 255f;
                    x[plane + y * width + col] = gr / 255f;
                    x[2 * plane + y * width + col] = b / 255f;
                }
            }
        }
        return x;
    }
}
