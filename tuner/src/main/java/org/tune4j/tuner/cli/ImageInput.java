package org.tune4j.tuner.cli;

import org.tune4j.engine.data.ImageDecoding;
import org.tune4j.engine.data.ImageFolder;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an image file (PNG, JPEG, ...) as a model input: resized to the model's (height, width)
 * with bilinear interpolation, converted to its channels (1: luma, 3: R, G, B), scaled to [0, 1],
 * laid out (channels, height, width). The file must be a regular file (a FIFO would block) whose
 * header declares at most {@link ImageFolder#MAX_PIXELS} pixels ({@link ImageDecoding}), checked before anything is decoded; every
 * error names the file.
 */
final class ImageInput {
    private ImageInput() {
    }

    static float[] read(Path file, int channels, int height, int width) throws IOException {
        BufferedImage src = decode(file);
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

    /** The image, after checking the file and the size its header declares. */
    private static BufferedImage decode(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file (expected an image file)");
        }
        return ImageDecoding.decode(file);  // the size its header declares checked first; errors name the file
    }

    /**
     * Whether an input read by {@link #read} has a light background: the mean of its border pixels
     * (all channels) above one half. MNIST and Fashion-MNIST draw light figures on black.
     */
    static boolean lightBackground(float[] x, int channels, int height, int width) {
        double sum = 0;
        int count = 0;
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int col = 0; col < width; col++) {
                    if (y == 0 || y == height - 1 || col == 0 || col == width - 1) {
                        sum += x[plane + y * width + col];
                        count++;
                    }
                }
            }
        }
        return sum / count > 0.5;
    }

    /** 1 - x for every value: light on dark becomes dark on light and back. */
    static void invert(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = 1f - x[i];
        }
    }
}
