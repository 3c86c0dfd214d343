package org.tune4j.tuner.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.train.Evaluation;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.engine.train.TrainConfig;
import org.tune4j.engine.train.TrainingListener;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.DerivedFiles;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The tutorial's study (issue 5): the tutorial's default point first (when the space holds it),
 * then the optimizer's asks, each trial trained by {@link TrainingEvaluator}; at the end the best
 * model is scored on the test set and everything lands in results.json.
 */
public final class TuneStudy {
    /** The {@code kind} recorded in study.json. */
    public static final String KIND = "tune";

    private TuneStudy() {
    }

    /** What a finished study reports. */
    public record Result(StudyLoop.Outcome outcome, ResultsDocument.TestResult test) {
        /** The completed trial with the best (lowest) value, if any. */
        public Optional<ResultsDocument.Best> best() {
            return Optional.ofNullable(ResultsDocument.bestOf(outcome.trials()));
        }
    }

    /** The configuration as study.json records it. */
    public static JsonNode configJson(TuneConfig config) {
        return Json.mapper().valueToTree(config);
    }

    /** The configuration recorded in a study.json. */
    public static TuneConfig configOf(StudyDescription study) {
        try {
            return Json.mapper().treeToValue(study.config(), TuneConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("study.json field \"config\": not a tune configuration ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Runs (or continues) the study in {@code dir}.
     *
     * @param listener console output per trial
     * @param progress per-batch progress of training (a progress bar)
     */
    public static Result run(RunLayout dir, StudyDescription study, TuneConfig config, DataSplits data,
                             StudyListener listener, TrainingListener progress) {
        List<TrialRecord> previous = new Journal(dir.journal()).read(w -> { }).finished();
        List<Map<String, Object>> x0 = TutorialSpace.defaultPoint(study.space(), config.batchSize())
                .map(List::of).orElse(List.of());
        RunDirectoryStorage storage = new RunDirectoryStorage(dir, study, config.optimizer(), x0);
        TrainingEvaluator evaluator = new TrainingEvaluator(data, config, study.space(),
                storage.artifacts(data.train().classNames(), listener), previous, progress);
        StudyLoop.Outcome outcome = new StudyLoop(storage, config.calls(), pruner(config, data), evaluator, listener)
                .run();

        ResultsDocument.TestResult test = testBestModel(dir, config, data);
        DerivedFiles.write(dir, study, outcome.trials(),
                outcome.expectedMinimum().orElse(null), test);
        return new Result(outcome, test);
    }

    /** The study's pruner, or null when it records no reports; created for the steps of a full trial. */
    public static Pruner pruner(TuneConfig config, DataSplits data) {
        Pruning pruning = config.pruning();
        if (!pruning.recordsReports()) {
            return null;
        }
        int batches = (data.train().count() + config.batchSize() - 1) / config.batchSize();
        int perEpoch = new TrainConfig(1, config.batchSize(), 0, 1, config.kernels(), pruning.reportEvery())
                .checkpointBatches(batches).length + 1;
        return pruning.pruner().create(config.optimizer().seed(), config.epochs() * perEpoch);
    }

    /** The best model's accuracy and loss on the test set, or null when no trial completed. */
    private static ResultsDocument.TestResult testBestModel(RunLayout dir, TuneConfig config, DataSplits data) {
        if (!Files.exists(dir.bestModel())) {
            return null;
        }
        try {
            Sequential model = ModelFile.load(dir.bestModel());
            Evaluation ev = new Evaluator(config.threads(), config.kernels()).evaluate(model, data.test());
            return new ResultsDocument.TestResult(ev.accuracy(), ev.loss());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the best model " + dir.bestModel() + ": " + e.getMessage(), e);
        }
    }
}
