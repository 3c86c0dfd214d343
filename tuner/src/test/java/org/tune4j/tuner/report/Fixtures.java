package org.tune4j.tuner.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tune4j.tuner.storage.RunLayout;

/**
 * Shared helpers of the report tests: the fixture study and a check that an image is not blank.
 * Public because src-test's report end-to-end test uses them too (through tuner's test jar).
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The committed fixture results.json (15 calls over the tutorial space, one failed) as text. */
    public static String resultsJson() {
        try (InputStream in = Fixtures.class.getResourceAsStream("results.json")) {
            if (in == null) {
                throw new IllegalStateException("test resource org/tune4j/tuner/report/results.json is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run directory under {@code parent} holding {@code resultsJson} as results.json. */
    public static Path runDir(Path parent, String name, String resultsJson) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        Files.writeString(dir.resolve(RunLayout.RESULTS), resultsJson);
        return dir;
    }

    /** Variance of the luminance (0..255) over all pixels: 0 for a single colour. */
    public static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double sumSquares = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                sumSquares += l * l;
            }
        }
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    /** Reads a PNG back, failing clearly when it is not one. */
    public static BufferedImage readPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not a readable image");
        }
        return image;
    }
}
