/*
 * IdxDataset: four IDX files (raw or .gz) in one directory, read, verified against their SHA-256
 * when checksums are given, and split as the tutorial does. It does not fetch: the tuner's
 * datasets place missing files first.
 */
package org.tune4j.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A dataset stored as four IDX files with known checksums.
 *
 * @param title           for messages, e.g. "MNIST"
 * @param trainImages     file name of the training images, e.g. train-images-idx3-ubyte
 * @param trainLabels     file name of the training labels
 * @param testImages      file name of the test images
 * @param testLabels      file name of the test labels
 * @param sha256          SHA-256 of each raw (uncompressed) file, by file name; empty to read unverified
 * @param classNames      one name per label value
 * @param validationCount the last this many training images are held out for validation
 */
public record IdxDataset(String title, String trainImages, String trainLabels, String testImages, String testLabels,
                         Map<String, String> sha256, List<String> classNames, int validationCount) {

    public IdxDataset {
        sha256 = Map.copyOf(sha256);
        classNames = List.copyOf(classNames);
        for (String name : List.of(trainImages, trainLabels, testImages, testLabels)) {
            if (!sha256.isEmpty()) {
                Objects.requireNonNull(sha256.get(name), () -> "no checksum for " + name);
            }
        }
    }

    /** The four file names: train images, train labels, test images, test labels. */
    public List<String> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /** {@code dir/name} when it exists, else {@code dir/name.gz} when that exists, else null. */
    public static Path locate(Path dir, String name) {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    /** Whether {@code dir} holds all four files (raw or gzipped). */
    public boolean isIn(Path dir) {
        return files().stream().allMatch(f -> locate(dir, f) != null);
    }

    /**
     * Reads the four files from {@code dir}, verifying them when this dataset has checksums, and
     * splits; says so on {@code log} when it verifies.
     *
     * @throws DataFileException naming the file when one is missing, corrupt or fails its checksum
     */
    public DataSplits read(Path dir, Consumer<String> log) throws IOException {
        boolean verify = !sha256.isEmpty();
        Map<String, Path> paths = new LinkedHashMap<>();
        for (String f : files()) {
            Path p = locate(dir, f);
            if (p == null) {
                throw new DataFileException(title + ": missing file " + dir.resolve(f) + " (or " + f
                        + ".gz); expected " + String.join(", ", files()) + " in " + dir);
            }
            paths.put(f, p);
        }
        if (verify) {
            log.accept(title + ": reading and verifying " + dir);
        }
        Pair train = readPair(paths, trainImages, trainLabels, verify);
        Pair test = readPair(paths, testImages, testLabels, verify);
        int count = train.images().count();
        if (test.images().count() == 0) {
            throw new DataFileException(test.imageName() + ": holds 0 images; a test set needs at least one");
        }
        int cut = DataSplits.trainCount(count, validationCount);  // the tutorial's split: the last ones validate
        return new DataSplits(train.range(0, cut), train.range(cut, count), test.range(0, test.images().count()));
    }

    /** An image file and its label file, read and verified, not yet converted to floats. */
    private record Pair(String imageName, IdxReader.Images images, String labelName, byte[] labels,
                        List<String> classNames) {
        LabeledImages range(int from, int to) throws DataFileException {
            return IdxReader.combine(imageName, images, labelName, labels, classNames, from, to);
        }
    }

    private Pair readPair(Map<String, Path> paths, String images, String labels, boolean verify) throws IOException {
        Path imagePath = paths.get(images);
        Path labelPath = paths.get(labels);
        byte[] imageBytes = IdxReader.readBytes(imagePath);
        byte[] labelBytes = IdxReader.readBytes(labelPath);
        if (verify) {
            Checksums.verify(imagePath.toString(), imageBytes, sha256.get(images));
            Checksums.verify(labelPath.toString(), labelBytes, sha256.get(labels));
        }
        return new Pair(imagePath.toString(), IdxReader.parseImages(imagePath.toString(), imageBytes),
                labelPath.toString(), IdxReader.parseLabels(labelPath.toString(), labelBytes), classNames);
    }
}
