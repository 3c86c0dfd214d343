package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.train.TrainingListener;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.StorageException;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * A file of the run directory that cannot be written (a full disk, here injected as a path taken
 * by a non-empty directory, which even root cannot replace with a file) stops the study with one
 * message; it is never a trial's failure, and the trial's real result is kept.
 */
class StorageFailureTest {
    private static final Space SPACE = SpaceFile.parse("""
            {"x": {"type": "real", "low": 0, "high": 1}}
            """, "test space");
    private static final OptimizerConfig OPTIMIZER = OptimizerConfig.defaults().withInitialPoints(3)
            .withCandidates(300).withRefineFrom(1).withSeed(7);

    @TempDir
    Path tmp;

    private StudyPlan newRun(int calls) {
        RunLayout dir = new RunLayout(tmp.resolve("run"));
        JsonNode config = Json.mapper().createObjectNode().put("test", true);
        StudyDescription study = StudyDirectory.create(dir, "test", config, SPACE);
        return new StudyPlan(dir, study, OPTIMIZER, calls, List.of());
    }

    private static void takeWithDirectory(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createDirectories(file.resolve("occupied"));
    }

    @Test
    void aTrialWhoseModelCannotBeSavedIsJournaledWithItsRealResultAndTheStudyStops() {
        StudyPlan run = newRun(4);
        TrialEvaluator unsavedSecond = r -> {
            TrialOutcome real = TrialOutcome.complete(-0.9522, null, null);
            if (r.number() == 2) {
                throw new UnsavedModelException("cannot save the best model to best-model.t4j: No space left on device",
                        new IOException("No space left on device"), real);
            }
            return TrialOutcome.complete(-0.5, null, null);
        };

        assertThatThrownBy(() -> new StudyLoop(run, unsavedSecond, StudyListener.NONE).run())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("trial 2 finished (its result is in the journal), but cannot save the best model")
                .hasMessageContaining("the study stopped").hasMessageContaining("resume");

        List<TrialRecord> journaled = new Journal(run.dir().journal()).read(w -> { }).finished();
        assertThat(journaled).extracting(TrialRecord::number).containsExactly(1, 2);
        assertThat(journaled.get(1).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(journaled.get(1).value()).isEqualTo(-0.9522);

        StudyLoop.Outcome resumed = new StudyLoop(run, r -> TrialOutcome.complete(-0.5, null, null),
                StudyListener.NONE).run();
        assertThat(resumed.trials()).extracting(TrialRecord::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void resultsJsonThatCannotBeWrittenStopsTheStudyAfterJournalingTheTrial() throws IOException {
        StudyPlan run = newRun(3);
        TrialEvaluator blockResultsAfterFirst = r -> {
            if (r.number() == 2) {
                try {
                    takeWithDirectory(run.dir().results());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return TrialOutcome.complete(-0.5, null, null);
        };

        assertThatThrownBy(() -> new StudyLoop(run, blockResultsAfterFirst, StudyListener.NONE).run())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot write " + run.dir().results().toAbsolutePath())
                .hasMessageContaining("the study stopped");
        assertThat(new Journal(run.dir().journal()).read(w -> { }).finished()).hasSize(2);
        try (Stream<Path> files = Files.list(run.dir().root())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aBestModelThatCannotBeSavedIsAStorageFailureCarryingTheTrialsRealAccuracy() throws IOException {
        RunLayout dir = new RunLayout(tmp);
        takeWithDirectory(dir.bestModel());
        DataSplits data = TopOrBottomImages.splits();
        TuneConfig config = new TuneConfig(3, 2, 16, "synthetic", 0, 1, KernelMode.SCALAR, OptimizerConfig.defaults());
        Space space = SpaceFile.parse("""
                {"learning_rate": {"type": "real", "low": 1e-4, "high": 1e-1, "prior": "log-uniform"},
                 "conv1_filters": {"type": "integer", "low": 1, "high": 4},
                 "conv2_filters": {"type": "integer", "low": 1, "high": 4}}
                """, "test");
        TrainingEvaluator evaluator = new TrainingEvaluator(data, config, space, dir,
                new BestModel(dir.bestModel(), List.of(), data.train().classNames()), List.of(), TrainingListener.NONE);

        assertThatThrownBy(() -> evaluator.evaluate(new TrialRequest(1,
                Map.of("learning_rate", 1e-2, "conv1_filters", 2, "conv2_filters", 2))))
                .isInstanceOfSatisfying(UnsavedModelException.class, e -> {
                    assertThat(e.getMessage()).startsWith("cannot save the best model to " + dir.bestModel());
                    assertThat(e.outcome().state()).isEqualTo(TrialState.COMPLETE);
                    assertThat(e.outcome().history()).hasSize(2);
                    assertThat(e.outcome().value()).isEqualTo(-e.outcome().history().get(1).valAccuracy())
                            .isLessThan(0);
                });
    }
}
