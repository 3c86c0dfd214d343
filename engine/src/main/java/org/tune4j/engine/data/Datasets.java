/*
 * Datasets: maps a dataset name or directory (the tuner's --dataset value) to a Dataset:
 * "mnist", "fashion-mnist", a directory of MNIST-named IDX files (such as the committed fixture
 * data/fixtures/mnist-small), or a folder with one sub-folder of images per class. It is the only
 * place that knows these names; it does not read the environment or choose the cache root.
 */
package org.tune4j.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** The datasets tune4j knows, by name. */
public final class Datasets {

    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";

    private Datasets() {
    }

    /**
     * The dataset for {@code spec}:
     * <ul>
     *   <li>{@code mnist}: {@link Mnist#load} with cache {@code <cacheRoot>/mnist};</li>
     *   <li>{@code fashion-mnist}: {@link FashionMnist#load} with cache {@code <cacheRoot>/fashion-mnist};</li>
     *   <li>a directory holding the four MNIST-named IDX files (raw or .gz): read without
     *       fetching or checksums, the last 1/12 of the training images (5,000 of 60,000, as the
     *       tutorial) held out for validation;</li>
     *   <li>any other directory: {@link ImageFolder#load} with {@code folderOptions}.</li>
     * </ul>
     *
     * @throws IllegalArgumentException when {@code spec} is neither a known name nor a directory
     */
    public static Dataset resolve(String spec, ImageFolderOptions folderOptions) {
        String key = spec.strip().toLowerCase(Locale.ROOT);
        if (key.equals(MNIST)) {
            return named(MNIST, (root, log) -> Mnist.load(root.resolve(MNIST), log));
        }
        if (key.equals(FASHION_MNIST)) {
            return named(FASHION_MNIST, (root, log) -> FashionMnist.load(root.resolve(FASHION_MNIST), log));
        }
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("unknown dataset '" + spec + "': expected " + MNIST + ", "
                    + FASHION_MNIST + ", or a directory (MNIST-named IDX files, or one sub-folder of PNG/JPEG"
                    + " images per class); no directory " + dir.toAbsolutePath() + " exists");
        }
        if (Mnist.fileNames().stream().allMatch(f -> IdxDataset.locate(dir, f) != null)) {
            return named(spec, (root, log) -> loadIdxDirectory(dir, log));
        }
        return named(spec, (root, log) -> {
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

    private static DataSplits loadIdxDirectory(Path dir, Consumer<String> log) throws IOException {
        Path labels = IdxDataset.locate(dir, Mnist.TRAIN_LABELS);
        int count = IdxReader.readLabels(labels).length;
        int validation = Math.max(1, (int) Math.round(count * (double) Mnist.VALIDATION_COUNT / 60_000));
        log.accept("reading IDX files in " + dir + " (last " + validation + " of " + count
                + " training images validate)");
        return Mnist.loadFrom(dir, validation);
    }

    private interface Loader {
        DataSplits load(Path cacheRoot, Consumer<String> log) throws IOException;
    }

    private static Dataset named(String name, Loader loader) {
        return new Dataset() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public DataSplits load(Path cacheRoot, Consumer<String> log) throws IOException {
                return loader.load(cacheRoot, log);
            }

            @Override
            public String toString() {
                return "Dataset[" + name + "]";
            }
        };
    }
}
