package org.tune4j.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * A set of images with integer class labels, held in memory as float32 in [0, 1].
 *
 * @param pixels     (count, channels, height, width), row-major
 * @param labels     (count), each in [0, classNames.size())
 * @param count      number of images
 * @param channels   1 for grayscale, 3 for RGB
 * @param height     rows per image
 * @param width      columns per image
 * @param classNames one name per class, in label order
 */
public record LabeledImages(float[] pixels, int[] labels, int count, int channels, int height, int width,
                            List<String> classNames) {

    public LabeledImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        if (count < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("images: expected count >= 0 and positive channels, height, width; found "
                    + count + " x " + channels + " x " + height + " x " + width);
        }
        if (pixels.length != (long) count * channels * height * width) {
            throw new IllegalArgumentException("images: expected " + (long) count * channels * height * width
                    + " pixels for " + count + " x " + channels + " x " + height + " x " + width + ", found " + pixels.length);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("images: expected " + count + " labels, found " + labels.length);
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("images: expected at least one class name");
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("images: label of image " + i + " is " + labels[i]
                        + ", expected 0.." + (classNames.size() - 1));
            }
        }
    }

    /** Floats per image: channels x height x width. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Number of classes. */
    public int classes() {
        return classNames.size();
    }

    /** Images [from, to) as a new set (copies the data). */
    public LabeledImages slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") outside 0.." + count);
        }
        int size = imageSize();
        float[] p = java.util.Arrays.copyOfRange(pixels, from * size, to * size);
        int[] l = java.util.Arrays.copyOfRange(labels, from, to);
        return new LabeledImages(p, l, to - from, channels, height, width, classNames);
    }

    /** The first {@code n} images (all of them when n >= count). */
    public LabeledImages first(int n) {
        return n >= count ? this : slice(0, n);
    }
}
