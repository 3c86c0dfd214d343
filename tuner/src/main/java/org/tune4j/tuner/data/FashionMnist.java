/*
 * FashionMnist: Zalando's Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, arXiv:1708.07747), a drop-in
 * replacement for MNIST with ten clothing classes: the same IDX layout, file names and sizes, so
 * the same split as tutorial 19 (55,000 / 5,000 / 10,000). Read from Debian's
 * dataset-fashion-mnist or from the cache directory (fetching into it from the public mirror).
 * It does not choose the cache directory or read the environment: the caller passes it.
 */
package org.tune4j.tuner.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.Dataset;
import org.tune4j.engine.data.MnistFormat;

/** The dataset "fashion-mnist"; its files in {@code <cacheRoot>/fashion-mnist} or {@link #DEBIAN_DIR}. */
public final class FashionMnist implements Dataset {

    /** Class names in label order, as in the dataset's README. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The Debian package that installs the files (gzipped) into {@link #DEBIAN_DIR}. */
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** SHA-256 of the raw files; also in {@code data/checksums/fashion-mnist.sha256}. */
    public static final Map<String, String> SHA256 = MnistFormat.checksums(
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    /** The dataset's public mirror, serving {@code <name>.gz}. */
    public static final List<String> MIRRORS = List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    @Override public String name() { return "fashion-mnist"; }
    @Override public String description() { return "Zalando's Fashion-MNIST, ten clothing classes (Debian's package, or fetched)"; }

    /**
     * Fashion-MNIST with the tutorial's split, from {@code <cacheRoot>/fashion-mnist} when it holds
     * the four files, else from {@link #DEBIAN_DIR}, else fetched from the mirror into the cache.
     *
     * @throws org.tune4j.engine.data.DataFileException when a file is corrupt or fails its checksum,
     *         or when the files are nowhere (the message names the Debian package and the directories)
     */
    @Override
    public DataSplits load(Path cacheRoot, Consumer<String> log) throws IOException {
        Path cacheDir = cacheRoot.resolve(name());
        List<FileSource> mirrors = MIRRORS.stream().<FileSource>map(MirrorSource::new).toList();
        return load(cacheDir, log, List.of(cacheDir, DEBIAN_DIR), mirrors);
    }

    /** As {@link #load(Path, Consumer)} with the cache directory itself, search directories and routes (tests). */
    static DataSplits load(Path cacheDir, Consumer<String> log, List<Path> searchDirs, List<FileSource> sources)
            throws IOException {
        String help = "Install Debian's package " + DEBIAN_PACKAGE + " (apt-get install " + DEBIAN_PACKAGE
                + "), which puts the files into " + DEBIAN_DIR + "/, or put " + String.join(", ", MnistFormat.FILE_NAMES)
                + " (raw, or gzipped with a .gz suffix) into " + cacheDir.toAbsolutePath()
                + ". Their SHA-256 are in data/checksums/fashion-mnist.sha256.";
        return IdxFetcher.load(MnistFormat.dataset("Fashion-MNIST", SHA256, CLASS_NAMES, MnistFormat.VALIDATION_COUNT),
                searchDirs, cacheDir, sources, help, log);
    }
}
