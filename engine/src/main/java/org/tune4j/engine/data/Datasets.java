/*
 * Datasets: maps a dataset name or directory (the tuner's --dataset value) to a Dataset: a
 * registered name ("mnist", "fashion-mnist" or a user's own), a directory of MNIST-named IDX files
 * (such as the committed fixture data/fixtures/mnist-small), or a folder with one sub-folder of
 * images per class. It does not read the environment or choose the cache root.
 */
package org.tune4j.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.tune4j.engine.spi.Providers;

/** The datasets a name or a directory stands for. */
public final class Datasets {

    /** The tutorial's dataset, the default. */
    public static final String MNIST = "mnist";

    private Datasets() {
    }

    /**
     * The dataset for {@code spec}:
     * <ul>
     *   <li>the registered {@link Dataset} of that name (any case);</li>
     *   <li>a directory holding the four MNIST-named IDX files (raw or .gz): read without
     *       fetching or checksums, the last 1/12 of the training images (5,000 of 60,000, as the
     *       tutorial) held out for validation;</li>
     *   <li>any other directory: {@link ImageFolder#load} with {@code folderOptions}.</li>
     * </ul>
     *
     * @throws IllegalArgumentException when {@code spec} is neither a registered name nor a directory
     */
    public static Dataset resolve(String spec, ImageFolderOptions folderOptions) {
        Optional<Dataset> named = Providers.find(Dataset.class, Dataset::name, spec);
        if (named.isPresent()) {
            return named.get();
        }
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            List<String> names = Providers.all(Dataset.class).stream().map(Dataset::name).toList();
            throw new IllegalArgumentException("unknown dataset '" + spec + "': expected "
                    + (names.isEmpty() ? "" : String.join(", ", names) + ", or ") + "a directory (MNIST-named IDX files, or one sub-folder of PNG/JPEG images per class);"
                    + " no directory " + dir.toAbsolutePath() + " exists");
        }
        if (MnistFormat.holds(dir)) {
            return directory(spec, "MNIST-named IDX files", (root, log) -> MnistFormat.read(dir, log));
        }
        List<String> missing = MnistFormat.missing(dir);
        if (missing.size() < MnistFormat.FILE_NAMES.size()) {
            throw new IllegalArgumentException("dataset directory " + dir + " holds MNIST-named IDX files but not all four: "
                    + "missing " + String.join(", ", missing) + " (raw or .gz)");
        }
        return directory(spec, "one sub-folder of images per class", (root, log) -> {
            log.accept("reading image folder " + dir + " (" + folderOptions + ")");
            return ImageFolder.load(dir, folderOptions);
        });
    }

    /** {@code resolve(spec, folderOptions).load(cacheRoot, log)}. */
    public static DataSplits load(String spec, Path cacheRoot, ImageFolderOptions folderOptions, Consumer<String> log)
            throws IOException {
        return resolve(spec, folderOptions).load(cacheRoot, log);
    }

    /** As {@link #load(String, Path, ImageFolderOptions, Consumer)} with {@link ImageFolderOptions#defaults()}. */
    public static DataSplits load(String spec, Path cacheRoot, Consumer<String> log) throws IOException {
        return load(spec, cacheRoot, ImageFolderOptions.defaults(), log);
    }

    private interface DirectoryReader {
        DataSplits read(Path cacheRoot, Consumer<String> log) throws IOException;
    }

    /** A directory given as {@code --dataset}: named by its path, never fetched. */
    private static Dataset directory(String path, String description, DirectoryReader reader) {
        return new Dataset() {
            @Override public String name() { return path; }
            @Override public String description() { return description + " in " + path; }

            @Override
            public DataSplits load(Path cacheRoot, Consumer<String> log) throws IOException {
                return reader.read(cacheRoot, log);
            }

            @Override public String toString() { return "Dataset[" + path + "]"; }
        };
    }
}
