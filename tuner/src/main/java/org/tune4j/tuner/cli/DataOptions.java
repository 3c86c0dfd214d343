package org.tune4j.tuner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.Dataset;
import org.tune4j.engine.data.Datasets;
import org.tune4j.tuner.registry.Registry;
import picocli.CommandLine.Option;

/** Which images to use: {@code --dataset} and {@code --cache}. */
final class DataOptions {
    @Option(names = "--dataset", paramLabel = "NAME|DIR", completionCandidates = DatasetNames.class,
            description = "${COMPLETION-CANDIDATES}, or a directory (MNIST-named IDX files, or one sub-folder of images per class) (default: mnist).")
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

    /** The registered datasets' names, for --help and completion. */
    static final class DatasetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Registry.load(Dataset.class, "dataset", Dataset::name).names().iterator();
        }
    }
}
