package org.tune4j.tuner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.Datasets;
import picocli.CommandLine.Option;

/** Which images to use: {@code --dataset} and {@code --cache}. */
final class DataOptions {
    @Option(names = "--dataset", paramLabel = "NAME|DIR",
            description = "mnist, fashion-mnist, or a directory (MNIST-named IDX files, or one sub-folder of images per class) (default: mnist).")
    String dataset;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where downloaded data sets are kept (default: <tune4j home>/data/cache).")
    Path cache;

    String dataset() {
        return dataset == null ? Datasets.MNIST : dataset;
    }

    Path cacheDir() {
        return cache == null ? Home.cacheDir() : cache;
    }

    /** Loads the splits (progress lines to {@code log}), with the training set cut to the limit. */
    static DataSplits load(String dataset, Path cacheDir, int limit, PrintStream log) throws IOException {
        DataSplits splits = Datasets.load(dataset, cacheDir, line -> log.println("tune4j: " + line));
        return limit > 0 ? splits.limitTrain(limit) : splits;
    }
}
