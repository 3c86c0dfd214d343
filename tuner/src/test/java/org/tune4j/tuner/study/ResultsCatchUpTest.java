package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.ResultsCatchUp;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.StudyLock;

/** results.json lagging the journal by a trial (kill -9 between the two writes) is rewritten from the journal before a report. */
class ResultsCatchUpTest {
    private static final Space SPACE = SpaceFile.parse("{\"x\": {\"type\": \"real\", \"low\": 0, \"high\": 1}}", "test");

    @TempDir
    Path tmp;

    private StudyPlan plan(RunLayout dir, StudyDescription study, int calls) {
        return new StudyPlan(dir, study, OptimizerConfig.defaults().withInitialPoints(2).withSeed(3), calls, List.of());
    }

    @Test
    void aLaggingResultsFileIsRewrittenFromTheJournalOnceAndNotWhileAStudyRuns() throws Exception {
        RunLayout dir = new RunLayout(tmp.resolve("run"));
        StudyDescription study = StudyDirectory.create(dir, "test", Json.mapper().createObjectNode().put("test", true), SPACE);
        TrialEvaluator square = r -> TrialOutcome.complete(Math.pow((Double) r.params().get("x") - 0.3, 2), null, null);
        new StudyLoop(plan(dir, study, 2), square, StudyListener.NONE).run();
        byte[] afterTwo = Files.readAllBytes(dir.results());
        new StudyLoop(plan(dir, study, 3), square, StudyListener.NONE).run();
        Files.write(dir.results(), afterTwo);  // as if killed after journaling trial 3, before results.json

        try (StudyLock running = StudyLock.tryAcquire(dir.root())) {
            assertThat(ResultsCatchUp.run(dir, line -> { })).as("left to the running study").isFalse();
        }
        List<String> notes = new ArrayList<>();
        assertThat(ResultsCatchUp.run(dir, notes::add)).isTrue();
        JsonNode results = Json.mapper().readTree(dir.results().toFile());
        assertThat(results.get("trials")).hasSize(3);
        assertThat(Files.readAllLines(dir.trialsCsv())).hasSize(4);
        assertThat(notes).containsExactly(dir.results() + " listed 2 of the journal's 3 finished trials (a study stopped "
                + "between the two writes): rewritten from the journal");
        assertThat(ResultsCatchUp.run(dir, notes::add)).as("nothing to do").isFalse();
    }
}
