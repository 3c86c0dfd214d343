/*
 * ImageFolderOptions: how ImageFolder turns a folder of image files into a dataset: target size,
 * grayscale or RGB, the fractions held out for validation and test, and the shuffle seed. An
 * immutable record validated in its compact constructor; it does no I/O.
 */
package org.tune4j.engine.data;

/**
 * Options for {@link ImageFolder#load}.
 *
 * @param width              target width in pixels (default 28); every image is resized to it
 * @param height             target height in pixels (default 28)
 * @param grayscale          true (default): one channel of luma; false: three channels R, G, B
 * @param validationFraction share of the images held out for validation, in (0, 1) (default 0.1)
 * @param testFraction       share held out for test, in [0, 1) (default 0.1); the two together
 *                           must leave images to train on
 * @param seed               seed of the shuffle before the split (default 1)
 */
public record ImageFolderOptions(int width, int height, boolean grayscale, double validationFraction,
                                 double testFraction, long seed) {

    public static final int DEFAULT_SIZE = 28;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    public static final double DEFAULT_TEST_FRACTION = 0.1;
    public static final long DEFAULT_SEED = 1;
    /** Largest accepted width or height. */
    public static final int MAX_SIZE = 4096;

    public ImageFolderOptions {
        if (width < 1 || width > MAX_SIZE || height < 1 || height > MAX_SIZE) {
            throw new IllegalArgumentException("image size: expected width and height in 1.." + MAX_SIZE
                    + ", found " + width + " x " + height);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction: expected a value in (0, 1), found "
                    + validationFraction);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction: expected a value in [0, 1), found " + testFraction);
        }
        if (validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " + test fraction "
                    + testFraction + " = " + (validationFraction + testFraction)
                    + ": expected less than 1, to leave images to train on");
        }
    }

    /** 28 x 28 grayscale, 10% validation, 10% test, seed 1. */
    public static ImageFolderOptions defaults() {
        return new ImageFolderOptions(DEFAULT_SIZE, DEFAULT_SIZE, true, DEFAULT_VALIDATION_FRACTION,
                DEFAULT_TEST_FRACTION, DEFAULT_SEED);
    }

    public ImageFolderOptions withSize(int newWidth, int newHeight) {
        return new ImageFolderOptions(newWidth, newHeight, grayscale, validationFraction, testFraction, seed);
    }

    public ImageFolderOptions withGrayscale(boolean newGrayscale) {
        return new ImageFolderOptions(width, height, newGrayscale, validationFraction, testFraction, seed);
    }

    public ImageFolderOptions withFractions(double newValidationFraction, double newTestFraction) {
        return new ImageFolderOptions(width, height, grayscale, newValidationFraction, newTestFraction, seed);
    }

    public ImageFolderOptions withSeed(long newSeed) {
        return new ImageFolderOptions(width, height, grayscale, validationFraction, testFraction, newSeed);
    }

    /** Channels per image: 1 for grayscale, 3 for RGB. */
    public int channels() {
        return grayscale ? 1 : 3;
    }
}
