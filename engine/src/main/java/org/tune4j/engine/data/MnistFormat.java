/*
 * MnistFormat: what every MNIST-format dataset shares: the four IDX file names, the tutorial's
 * split (the last 5,000 of 60,000 training images validate), and reading such a directory. It
 * fetches nothing and knows no checksums: the named datasets that download (in the tuner) do.
 */
package org.tune4j.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The layout of MNIST, Fashion-MNIST and any directory of MNIST-named IDX files (raw or with a
 * {@code .gz} suffix), such as the committed fixture {@code data/fixtures/mnist-small}.
 */
public final class MnistFormat {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** The four file names in the order train images, train labels, test images, test labels. */
    public static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** MNIST's training images; the tutorial holds out the last {@link #VALIDATION_COUNT} for validation. */
    public static final int TRAIN_COUNT = 60_000;
    public static final int VALIDATION_COUNT = 5_000;

    /** Class names in label order: the digits "0" to "9". */
    public static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private MnistFormat() {
    }

    /**
     * The four MNIST-named files with these checksums (of the raw bytes, by file name; empty for
     * none) and class names, the last {@code validationCount} training images validating.
     */
    public static IdxDataset dataset(String title, Map<String, String> sha256, List<String> classNames,
                                     int validationCount) {
        return new IdxDataset(title, TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, sha256, classNames,
                validationCount);
    }

    /** The four files' SHA-256 (of the raw bytes), keyed by file name in {@link #FILE_NAMES} order. */
    public static Map<String, String> checksums(String trainImages, String trainLabels, String testImages,
                                                String testLabels) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> sums = List.of(trainImages, trainLabels, testImages, testLabels);
        for (int i = 0; i < FILE_NAMES.size(); i++) {
            m.put(FILE_NAMES.get(i), sums.get(i));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The four file names that {@code dir} lacks (neither raw nor gzipped), in {@link #FILE_NAMES} order. */
    public static List<String> missing(Path dir) {
        return FILE_NAMES.stream().filter(f -> IdxDataset.locate(dir, f) == null).toList();
    }

    /** Whether {@code dir} holds all four files (raw or gzipped). */
    public static boolean holds(Path dir) {
        return FILE_NAMES.stream().allMatch(f -> IdxDataset.locate(dir, f) != null);
    }

    /**
     * Reads the four files from {@code dir} without checksums, with digits as class names,
     * holding out the last {@code validationCount} training images.
     */
    public static DataSplits read(Path dir, int validationCount) throws IOException {
        return dataset("MNIST-format", Map.of(), DIGITS, validationCount).read(dir, s -> { });
    }

    /** As {@link #read(Path, int)}, with the tutorial's share (1/12) of the training images validating. */
    public static DataSplits read(Path dir, Consumer<String> log) throws IOException {
        int count = IdxReader.readLabels(IdxDataset.locate(dir, TRAIN_LABELS)).length;
        int validation = Math.max(1, (int) Math.round(count * (double) VALIDATION_COUNT / TRAIN_COUNT));
        log.accept("reading IDX files in " + dir + " (last " + validation + " of " + count
                + " training images validate)");
        return read(dir, validation);
    }
}
