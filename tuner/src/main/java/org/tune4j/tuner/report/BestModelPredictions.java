package org.tune4j.tuner.report;

import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.data.Datasets;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.train.Evaluation;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.tuner.storage.RunLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The best model's predictions on the test set, for the image plots and the confusion matrix:
 * loads {@code best-model.t4j} from the run directory and the dataset named in the run's config
 * (through the engine's loaders and the given cache), and runs the model over the test images.
 * Anything missing is a {@link PlotSkipped} with the reason, never a failed report.
 */
final class BestModelPredictions {

    /** The file a study saves its best model to. */

    private BestModelPredictions() {
    }

    static TestPredictions load(Path runDir, StudyResults results, ReportOptions options, Consumer<String> log)
            throws PlotSkipped {
        Path modelFile = runDir.resolve(RunLayout.BEST_MODEL);
        if (!Files.isRegularFile(modelFile)) {
            throw new PlotSkipped("no " + RunLayout.BEST_MODEL + " in the run directory (no trial has completed, or the run"
                    + " did not save one)");
        }
        String dataset = results.configText("dataset", null);
        if (dataset == null) {
            throw new PlotSkipped("the run's config names no dataset, so there are no test images to show");
        }
        Sequential model;
        try {
            model = ModelFile.load(modelFile);
        } catch (IOException | RuntimeException e) {
            throw new PlotSkipped("cannot read " + modelFile + ": " + e.getMessage(), e);
        }
        LabeledImages test = options.testImages();
        if (test == null) {
            try {
                test = Datasets.load(dataset, options.dataCacheDir(), log).test();
            } catch (IOException | RuntimeException e) {
                throw new PlotSkipped("dataset \"" + dataset + "\" is not available (cache " + options.dataCacheDir()
                        + "): " + e.getMessage(), e);
            }
        }
        Evaluation evaluation;
        try {
            evaluation = new Evaluator(options.threads(), KernelMode.SIMD).evaluate(model, test);
        } catch (IllegalArgumentException e) {
            throw new PlotSkipped("the best model does not fit the test images of \"" + dataset + "\": "
                    + e.getMessage(), e);
        }
        return new TestPredictions(test, evaluation.predicted());
    }
}
