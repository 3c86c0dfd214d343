package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.TrialRecord;

class StudyLoopTest {
    private static final Space SPACE = MixedSpaceStudy.SPACE;
    private static final OptimizerConfig OPTIMIZER = MixedSpaceStudy.OPTIMIZER;

    @TempDir
    Path tmp;

    /** A cheap objective that fails (no value) for x above 0.9. */
    private static TrialOutcome quadratic(TrialRequest r) {
        double x = (Double) r.params().get("x");
        if (x > 0.9) {
            return TrialOutcome.failed(null, "x too large", null, null);
        }
        double value = (x - 0.3) * (x - 0.3) + 0.1 * (Integer) r.params().get("n")
                + ("b".equals(r.params().get("c")) ? 0.2 : 0);
        return TrialOutcome.complete(value, null, null);
    }

    private StudyPlan newRun(String name, int calls, List<Map<String, Object>> given) {
        RunLayout dir = new RunLayout(tmp.resolve(name));
        JsonNode config = Json.mapper().createObjectNode().put("test", true);
        StudyDescription study = StudyDirectory.create(dir, "test", config, SPACE);
        return new StudyPlan(dir, study, OPTIMIZER, calls, given);
    }

    private static List<Map<String, Object>> params(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::params).toList();
    }

    @Test
    void aStudyKilledMidTrialResumesWithTheSameProposalsAsAnUninterruptedOne() {
        List<Map<String, Object>> x0 = List.of(Map.of("x", 0.5, "n", 1, "c", "a"));
        StudyLoop.Outcome whole = new StudyLoop(newRun("whole", 7, x0), StudyLoopTest::quadratic,
                StudyListener.NONE).run();

        StudyPlan killed = newRun("killed", 7, x0);
        assertThatThrownBy(() -> new StudyLoop(killed, r -> {
            if (r.number() == 5) {
                throw new IllegalStateException("killed");
            }
            return quadratic(r);
        }, StudyListener.NONE).run()).hasMessage("killed");
        assertThat(new Journal(killed.dir().journal()).read(w -> { }).finished()).hasSize(4);

        List<Integer> evaluated = new ArrayList<>();
        StudyLoop.Outcome resumed = new StudyLoop(killed, r -> {
            evaluated.add(r.number());
            return quadratic(r);
        }, StudyListener.NONE).run();

        assertThat(evaluated).containsExactly(5, 6, 7);
        assertThat(resumed.trials()).extracting(TrialRecord::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(params(resumed.trials())).isEqualTo(params(whole.trials()));
        assertThat(resumed.trials().get(0).params()).isEqualTo(Map.of("x", 0.5, "n", 1, "c", "a"));
    }

    @Test
    void moreCallsContinueAFinishedStudy() {
        StudyPlan run = newRun("more", 4, List.of());
        new StudyLoop(run, StudyLoopTest::quadratic, StudyListener.NONE).run();
        StudyPlan longer = new StudyPlan(run.dir(), run.description(), OPTIMIZER, 6, List.of());

        StudyLoop.Outcome outcome = new StudyLoop(longer, StudyLoopTest::quadratic, StudyListener.NONE).run();

        assertThat(outcome.trials()).extracting(TrialRecord::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(outcome.expectedMinimum()).isPresent();
    }

    @Test
    void failedTrialsAreRecordedAndTheStudyGoesOn() throws Exception {
        StudyPlan run = newRun("failing", 5, List.of(Map.of("x", 0.95, "n", 0, "c", "a")));

        StudyLoop.Outcome outcome = new StudyLoop(run, StudyLoopTest::quadratic, StudyListener.NONE).run();

        assertThat(outcome.trials()).hasSize(5);
        TrialRecord first = outcome.trials().get(0);
        assertThat(first.state()).isEqualTo(TrialState.FAILED);
        assertThat(first.value()).isNull();
        assertThat(first.error()).isEqualTo("x too large");
        JsonNode results = Json.mapper().readTree(Files.readString(run.dir().results()));
        assertThat(results.get("trials")).hasSize(5);
        assertThat(results.get("trials").get(0).get("state").asText()).isEqualTo("failed");
        assertThat(results.get("best").get("number").asInt()).isGreaterThan(1);
        assertThat(Files.readAllLines(run.dir().trialsCsv())).hasSize(6)
                .first().isEqualTo("number,state,value,x,n,c,seconds,error");
    }

    @Test
    void resumingWithAnotherSpaceIsRefused() {
        StudyPlan run = newRun("space", 1, List.of());
        Space other = SpaceFile.parse("{\"x\": {\"type\": \"real\", \"low\": 0, \"high\": 2}}", "other");
        assertThatThrownBy(() -> StudyDirectory.open(run.dir(), "test", other))
                .hasMessageContaining("differs from the one recorded").hasMessageContaining("study.json");
        assertThatThrownBy(() -> StudyDirectory.open(run.dir(), "tune", null))
                .hasMessageContaining("made by \"test\", not \"tune\"");
        assertThatThrownBy(() -> StudyDirectory.create(run.dir(), "test", Json.mapper().createObjectNode(), SPACE))
                .hasMessageContaining("already holds a study").hasMessageContaining("--resume");
    }

    @Test
    void anotherFormatVersionIsRefused() throws Exception {
        StudyPlan run = newRun("format", 1, List.of());
        Path file = run.dir().studyFile();
        Files.writeString(file, Files.readString(file).replace("\"format\" : 1", "\"format\" : 2"));
        assertThatThrownBy(() -> StudyDirectory.open(run.dir(), "test", null))
                .hasMessageContaining("\"format\"").hasMessageContaining("reads format 1, found 2");
    }

    @Test
    void aTotalBelowTheTrialsDoneIsRefusedNamingTheTotalNeeded() {
        StudyPlan run = newRun("done", 4, List.of());
        new StudyLoop(run, StudyLoopTest::quadratic, StudyListener.NONE).run();
        StudyPlan smaller = new StudyPlan(run.dir(), run.description(), OPTIMIZER, 2, List.of());

        assertThatThrownBy(() -> new StudyLoop(smaller, StudyLoopTest::quadratic, StudyListener.NONE).run())
                .hasMessageContaining("already has 4 finished trials, more than the 2 asked for")
                .hasMessageContaining("give --calls 5 or more");
    }

    @Test
    void anEmptiedJournalDoesNotRestartAStudyWhoseResultsListTrials() throws Exception {
        StudyPlan run = newRun("emptied", 3, List.of());
        new StudyLoop(run, StudyLoopTest::quadratic, StudyListener.NONE).run();
        String results = Files.readString(run.dir().results());
        Files.writeString(run.dir().journal(), "");

        assertThatThrownBy(() -> new StudyLoop(run, StudyLoopTest::quadratic, StudyListener.NONE).run())
                .hasMessageContaining("lists 3 trials but the journal")
                .hasMessageContaining("restore it");
        assertThat(Files.readString(run.dir().results())).as("results.json untouched").isEqualTo(results);
    }
}
