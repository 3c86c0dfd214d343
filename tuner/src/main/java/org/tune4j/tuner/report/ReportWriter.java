package org.tune4j.tuner.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tune4j.tuner.storage.AtomicFiles;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StorageException;

/**
 * Draws the plots of a run into {@code RUN_DIR/plots/} and writes {@code RUN_DIR/report.html},
 * from the files in the run directory only, so a finished or interrupted run can be redrawn at any
 * time ({@code tune4j report RUN_DIR}).
 *
 * <p>Reads {@code results.json} (required), {@code best-model.t4j} (optional) and the dataset the
 * run's config names (optional, from the cache in {@link ReportOptions#dataCacheDir()}). A plot
 * that cannot be drawn for this run (no surrogate with one trial, no best model yet) is left out
 * with a note on the page and in {@link Report#notes()}; a malformed {@code results.json} is a
 * {@link MalformedResultsException} naming the file and field.
 *
 * <p>Plots run headless: {@code java.awt.headless} is set to true if not set.
 */
public final class ReportWriter {

    public static final String PLOTS_DIR = "plots";

    private final Path runDir;
    private final ReportOptions options;
    private final Consumer<String> log;
    private final List<Report.Figure> figures = new ArrayList<>();
    private final Map<String, List<String>> skipped = new LinkedHashMap<>();   // reason -> plot titles

    private ReportWriter(Path runDir, ReportOptions options, Consumer<String> log) {
        this.runDir = runDir;
        this.options = options;
        this.log = log;
    }

    /** {@link #write(Path, ReportOptions, Consumer)} with default options and no progress lines. */
    public static Report write(Path runDir) throws IOException {
        return write(runDir, ReportOptions.defaults(), line -> { });
    }

    /**
     * Draws every plot the run allows and writes the report page.
     *
     * @param log receives progress lines (e.g. loading the dataset)
     * @throws MalformedResultsException when results.json is not a study's results
     * @throws IOException               when results.json is missing or a file cannot be written
     */
    public static Report write(Path runDir, ReportOptions options, Consumer<String> log) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        return new ReportWriter(runDir, options, log).run();
    }

    private Report run() throws IOException {
        StudyResults results = ResultsReader.read(new RunLayout(runDir).results());
        Samples samples = Samples.of(results);
        searchPlots(results, samples);
        surrogatePlots(results, samples);
        for (DimensionAxis dim : results.axes()) {
            if (dim.isCategorical()) {
                figure("histogram-" + dim.name() + ".png", "Histogram of " + dim.name(), Captions.histogram(dim),
                        () -> CategoryHistogramPlot.draw(dim, results.trials()));
            }
        }
        testPlots(results);
        List<String> notes = new ArrayList<>();
        skipped.forEach((reason, titles) -> notes.add("Not drawn (" + String.join(", ", titles) + "): " + reason));
        Path html = new RunLayout(runDir).report();
        String page = ReportHtml.render(runName(), results, figures, notes);
        writeAtomically(html, page);
        return new Report(html, figures, notes);
    }

    private void searchPlots(StudyResults results, Samples samples) throws IOException {
        figure("convergence.png", "Convergence", Captions.convergence(results), () -> {
            if (results.trials().stream().allMatch(t -> Double.isNaN(t.valueOrNaN()))) {
                throw new PlotSkipped("no trial has a value yet");
            }
            return ConvergencePlot.draw(results);
        });
        figure("evaluations.png", "Evaluations", Captions.EVALUATIONS, () -> {
            if (samples.size() == 0) {
                throw new PlotSkipped("no trial yet");
            }
            return EvaluationsPlot.draw(samples);
        });
        if (results.trials().stream().anyMatch(t -> !t.reports().isEmpty())) {   // a study with reports only
            figure("intermediate-values.png", "Intermediate values", Captions.INTERMEDIATE_VALUES,
                    () -> IntermediateValuesPlot.draw(results));
        }
    }

    private void surrogatePlots(StudyResults results, Samples samples) throws IOException {
        Attempt<Dependence> dependence = Attempt.of(() -> SurrogateDependence.fit(results, options.gridPoints()));
        String surrogate = results.optimizerText("surrogate", "GP");
        figure("partial-dependence.png", "Partial dependence", Captions.partialDependence(results.trials().size()),
                () -> PartialDependencePlot.draw(dependence.get(), samples, "Partial dependence of the final "
                        + surrogate + " surrogate (" + results.trials().size() + " calls)"));
        int lr = results.dimensionIndex("learning_rate");
        int layers = results.dimensionIndex("num_dense_layers");
        figure("landscape.png", "Landscape: learning_rate x num_dense_layers", Captions.LANDSCAPE, () -> {
            if (lr < 0 || layers < 0) {
                throw new PlotSkipped("the search space has no learning_rate and num_dense_layers dimensions");
            }
            return LandscapePlot.draw(dependence.get(), samples, lr, layers);
        });
    }

    private void testPlots(StudyResults results) throws IOException {
        Attempt<TestPredictions> predictions = Attempt.of(() -> BestModelPredictions.load(runDir, results, options, log));
        figure("test-samples.png", "Test images with predictions", Captions.TEST_SAMPLES, () -> ImageGridPlot.draw(
                "Test images: true and predicted class", predictions.get(), predictions.get().first(9)));
        figure("misclassified.png", "Misclassified test images", Captions.MISCLASSIFIED, () -> ImageGridPlot.draw(
                "Misclassified test images", predictions.get(), predictions.get().firstMisclassified(9)));
        figure("confusion-matrix.png", "Confusion matrix", Captions.CONFUSION,
                () -> ConfusionMatrixPlot.draw(predictions.get()));
    }

    /** Something that draws one plot, or says why it cannot for this run. */
    private interface Drawing {
        BufferedImage draw() throws PlotSkipped;
    }

    /** Draws one plot into plots/, or records why not (and removes a stale file of an earlier report). */
    private void figure(String fileName, String title, String caption, Drawing drawing) throws IOException {
        Path file = runDir.resolve(PLOTS_DIR).resolve(fileName);
        try {
            PlotStyle.writePng(drawing.draw(), file);
            figures.add(new Report.Figure(file, title, caption));
        } catch (PlotSkipped e) {
            Files.deleteIfExists(file);
            skipped.computeIfAbsent(e.getMessage(), reason -> new ArrayList<>()).add(title);
        }
    }

    /** A value computed once and shared by several plots, or the reason it is unavailable. */
    private record Attempt<T>(T value, PlotSkipped skipped) {

        interface Source<T> {
            T compute() throws PlotSkipped;
        }

        static <T> Attempt<T> of(Source<T> source) {
            try {
                return new Attempt<>(source.compute(), null);
            } catch (PlotSkipped e) {
                return new Attempt<>(null, e);
            }
        }

        T get() throws PlotSkipped {
            if (skipped != null) {
                throw skipped;
            }
            return value;
        }
    }

    private String runName() {
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        return name == null ? runDir.toString() : name.toString();
    }

    /** Writes the page atomically; a failed write leaves no temporary file (a {@link StorageException}). */
    private static void writeAtomically(Path file, String text) {
        AtomicFiles.writeString(file, text);
    }
}
