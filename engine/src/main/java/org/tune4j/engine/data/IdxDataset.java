/*
 * IdxDataset: the logic MNIST and Fashion-MNIST share: find the four IDX files (raw or .gz) in
 * a list of directories, fetch missing ones into the cache through a list of sources, verify the
 * SHA-256 of the raw bytes, write the cache atomically (temporary file + rename), then read and
 * split. It knows no URLs or names of its own: Mnist and FashionMnist supply them.
 */
package org.tune4j.engine.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 * @param sha256          SHA-256 of each raw (uncompressed) file, by file name
 * @param classNames      one name per label value
 * @param validationCount the last this many training images are held out for validation
 */
record IdxDataset(String title, String trainImages, String trainLabels, String testImages, String testLabels,
                  Map<String, String> sha256, List<String> classNames, int validationCount) {

    IdxDataset {
        sha256 = Map.copyOf(sha256);
        classNames = List.copyOf(classNames);
        for (String name : List.of(trainImages, trainLabels, testImages, testLabels)) {
            Objects.requireNonNull(sha256.get(name), () -> "no checksum for " + name);
        }
    }

    /** The four file names: train images, train labels, test images, test labels. */
    List<String> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /** {@code dir/name} when it exists, else {@code dir/name.gz} when that exists, else null. */
    static Path locate(Path dir, String name) {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    /**
     * Loads from the first of {@code searchDirs} holding all four files; otherwise fetches the
     * files missing from {@code cacheDir} through {@code sources} (first that works) and loads
     * from {@code cacheDir}. Every file's raw bytes are verified against {@link #sha256}.
     *
     * @param manualHelp appended to the error when nothing works: how to place the files by hand
     */
    DataSplits load(List<Path> searchDirs, Path cacheDir, List<FileSource> sources, String manualHelp,
                    Consumer<String> log) throws IOException {
        for (Path dir : searchDirs) {
            if (files().stream().allMatch(f -> locate(dir, f) != null)) {
                return read(dir, true, log);
            }
        }
        List<String> missing = files().stream().filter(f -> locate(cacheDir, f) == null).toList();
        fetch(missing, cacheDir, sources, manualHelp, log);
        return read(cacheDir, true, log);
    }

    /** Reads the four files from {@code dir}, verifying checksums when asked, and splits. */
    DataSplits read(Path dir, boolean verify, Consumer<String> log) throws IOException {
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

    /** Tries each source in turn for {@code missing}; writes verified files into {@code cacheDir}. */
    private void fetch(List<String> missing, Path cacheDir, List<FileSource> sources, String manualHelp,
                       Consumer<String> log) throws IOException {
        if (missing.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (FileSource source : sources) {
            try {
                log.accept(title + ": fetching " + missing.size() + " file(s) from " + source.description());
                Map<String, byte[]> fetched = source.fetch(missing, log);
                for (String name : missing) {
                    byte[] data = fetched.get(name);
                    if (data == null) {
                        throw new DataFileException(source.description() + " did not provide " + name);
                    }
                    Checksums.verify(name + " from " + source.description(), data, sha256.get(name));
                }
                for (String name : missing) {
                    writeAtomically(cacheDir.resolve(name), fetched.get(name));
                    log.accept(title + ": verified and cached " + cacheDir.resolve(name)
                            + " (" + fetched.get(name).length + " bytes)");
                }
                return;
            } catch (IOException e) {
                String why = source.description() + ": " + e.getMessage();
                failures.add(why);
                log.accept(title + ": failed: " + why);
            }
        }
        StringBuilder msg = new StringBuilder(title).append(": missing ").append(String.join(", ", missing))
                .append(" in ").append(cacheDir.toAbsolutePath()).append(" and no route could fetch them:");
        for (String f : failures) {
            msg.append("\n  - ").append(f);
        }
        if (sources.isEmpty()) {
            msg.append("\n  (no download routes configured)");
        }
        msg.append('\n').append(manualHelp);
        throw new DataFileException(msg.toString());
    }

    /** Temporary files are created owner-only; a cache file is shared data, so rw-r--r-- where POSIX. */
    private static void makeWorldReadable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes {@code data} to a temporary file beside {@code target}, then renames it into place. */
    static void writeAtomically(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".part");
        try {
            Files.write(tmp, data);
            makeWorldReadable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
