package org.tune4j.tuner.report;

import java.nio.file.Path;
import java.util.Objects;
import org.tune4j.engine.data.LabeledImages;

/**
 * How to draw a report. Immutable; {@link #defaults()} is what {@code tune4j report RUN_DIR} uses.
 *
 * @param dataCacheDir where the engine's loaders find the dataset named in the run's config (for the
 *                     test-image plots and the confusion matrix); default {@code data/cache}
 * @param threads      threads for evaluating the best model on the test set; default 2
 * @param gridPoints   grid points per numeric dimension in the partial-dependence plots; default 20
 * @param testImages   the run's test images when the caller holds them already (a study that just
 *                     ended), so they are not read and verified a second time; null (the default):
 *                     loaded from the dataset the run's config names
 */
public record ReportOptions(Path dataCacheDir, int threads, int gridPoints, LabeledImages testImages) {

    public ReportOptions {
        Objects.requireNonNull(dataCacheDir, "dataCacheDir");
        if (threads < 1) {
            throw new IllegalArgumentException("report threads: expected at least 1, found " + threads);
        }
        if (gridPoints < 2 || gridPoints > 200) {
            throw new IllegalArgumentException("report grid points: expected 2..200, found " + gridPoints);
        }
    }

    public static ReportOptions defaults() {
        return new ReportOptions(Path.of("data", "cache"), 2, 20, null);
    }

    public ReportOptions withDataCacheDir(Path dir) {
        return new ReportOptions(dir, threads, gridPoints, testImages);
    }

    public ReportOptions withThreads(int n) {
        return new ReportOptions(dataCacheDir, n, gridPoints, testImages);
    }

    /** With the run's test images already in memory (null: load them). */
    public ReportOptions withTestImages(LabeledImages images) {
        return new ReportOptions(dataCacheDir, threads, gridPoints, images);
    }
}
