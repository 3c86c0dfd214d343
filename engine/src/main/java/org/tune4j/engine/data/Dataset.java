/*
 * Dataset: the extension point for a named source of labelled images that a study can train on.
 * An implementation knows where its files come from; it does not train, batch or shuffle for
 * training. Datasets.resolve maps the tuner's --dataset value to one.
 */
package org.tune4j.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A named dataset that can be loaded into train, validation and test sets.
 *
 * <p><b>Adding one</b> is one class plus one line: implement this interface with a public no-arg
 * constructor and put its binary name in {@code META-INF/services/org.tune4j.engine.data.Dataset};
 * {@code --dataset <its name>} then loads it and {@code --help} lists it. (A directory needs no
 * class: MNIST-named IDX files or one sub-folder of images per class are read as they are.)
 *
 * <p><b>Life cycle.</b> Created by {@link java.util.ServiceLoader} (cheap, no I/O), then
 * {@link #load} once per study; each call reads the files afresh (fetching into the cache first if
 * needed) and returns new arrays, so callers may drop the splits to free memory. Implementations
 * hold no mutable state and may be shared.
 */
public interface Dataset {

    /** The name {@code --dataset} and run records use: "mnist", "fashion-mnist" (or the directory). */
    String name();

    /** One line for --help and the docs. */
    String description();

    /**
     * Loads and splits the data.
     *
     * @param cacheRoot the cache root (e.g. {@code data/cache}); datasets that download keep their
     *                  files in a sub-directory named after themselves; others ignore it
     * @param log       receives progress lines (fetching, verifying)
     */
    DataSplits load(Path cacheRoot, Consumer<String> log) throws IOException;
}
