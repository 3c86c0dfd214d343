package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.BatchStrategy;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.optimizer.space.Space;

class AskTellStudyTest {
    private static final Space SPACE = SpaceFile.parse("""
            {"x": {"type": "real", "low": -2, "high": 2},
             "k": {"type": "categorical", "categories": ["p", "q"]}}
            """, "test");

    @TempDir
    Path tmp;

    @Test
    void asksGiveDistinctNumberedTrialsAndTellsCompleteThem() throws Exception {
        RunLayout dir = new RunLayout(tmp.resolve("study"));
        OptimizerConfig settings = OptimizerConfig.defaults();

        AskTellStudy.Asked first = AskTellStudy.ask(dir, SPACE, settings, StudyListener.NONE);
        AskTellStudy.Asked second = AskTellStudy.ask(dir, null, settings, StudyListener.NONE);

        assertThat(first.trial()).isEqualTo(1);
        assertThat(second.trial()).isEqualTo(2);
        assertThat(second.params()).isNotEqualTo(first.params());
        assertThat(first.params()).containsOnlyKeys("x", "k");

        assertThat(AskTellStudy.tell(dir, 2, 0.25, StudyListener.NONE).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(AskTellStudy.tell(dir, 1, null, StudyListener.NONE).state()).isEqualTo(TrialState.FAILED);
        AskTellStudy.Asked third = AskTellStudy.ask(dir, SPACE, settings, StudyListener.NONE);
        assertThat(third.trial()).isEqualTo(3);

        JsonNode results = Json.mapper().readTree(Files.readString(dir.results()));
        assertThat(results.get("kind").asText()).isEqualTo("ask-tell");
        assertThat(results.get("trials")).hasSize(2);
        assertThat(results.get("best").get("number").asInt()).isEqualTo(2);
        assertThat(results.get("best").get("value").asDouble()).isEqualTo(0.25);
    }

    @Test
    void badTellsAreRefusedWithTheReason() {
        RunLayout dir = new RunLayout(tmp.resolve("study"));
        AskTellStudy.ask(dir, SPACE, OptimizerConfig.defaults(), StudyListener.NONE);
        AskTellStudy.tell(dir, 1, 1.0, StudyListener.NONE);

        assertThatThrownBy(() -> AskTellStudy.tell(dir, 7, 1.0, StudyListener.NONE))
                .hasMessageContaining("trial 7").hasMessageContaining("unknown");
        assertThatThrownBy(() -> AskTellStudy.tell(dir, 1, 2.0, StudyListener.NONE))
                .hasMessageContaining("trial 1").hasMessageContaining("already told");
        assertThatThrownBy(() -> AskTellStudy.tell(dir, 1, Double.NaN, StudyListener.NONE))
                .hasMessageContaining("--value: expected a finite number, found NaN");
        assertThatThrownBy(() -> AskTellStudy.tell(dir, 1, Double.POSITIVE_INFINITY, StudyListener.NONE))
                .hasMessageContaining("found Infinity");
    }

    @Test
    void theFirstAskNeedsASpace() {
        RunLayout dir = new RunLayout(tmp.resolve("none"));
        assertThatThrownBy(() -> AskTellStudy.ask(dir, null, OptimizerConfig.defaults(), StudyListener.NONE))
                .hasMessageContaining("does not exist yet").hasMessageContaining("--space");
    }

    /**
     * Past the initial design, the ask's batch strategy decides where the pending trial's lie is:
     * three identical studies (same seed, same told values) with one trial pending ask their next
     * point with cl-min (the default), cl-min given explicitly and cl-max.
     */
    @Test
    void theBatchStrategyOfAnAskSetsThePendingTrialsLie() {
        OptimizerConfig settings = OptimizerConfig.defaults();
        RunLayout byDefault = studyWithOnePending("default", settings);
        RunLayout clMin = studyWithOnePending("cl-min", settings);
        RunLayout clMax = studyWithOnePending("cl-max", settings);

        AskTellStudy.Asked a = AskTellStudy.ask(byDefault, null, settings, StudyListener.NONE);
        AskTellStudy.Asked b = AskTellStudy.ask(clMin, null, settings, BatchStrategy.CL_MIN, StudyListener.NONE);
        AskTellStudy.Asked c = AskTellStudy.ask(clMax, null, settings, BatchStrategy.CL_MAX, StudyListener.NONE);

        assertThat(a.trial()).isEqualTo(12);
        assertThat(b.params()).isEqualTo(a.params());
        assertThat(c.params()).isNotEqualTo(a.params());
    }

    /** A study of {@link #SPACE} with trials 1-10 (the initial design) told and trial 11 pending. */
    private RunLayout studyWithOnePending(String name, OptimizerConfig settings) {
        RunLayout dir = new RunLayout(tmp.resolve(name));
        for (int i = 0; i < settings.initialPoints(); i++) {
            AskTellStudy.Asked asked = AskTellStudy.ask(dir, SPACE, settings, StudyListener.NONE);
            double x = ((Number) asked.params().get("x")).doubleValue();
            double value = (x - 0.5) * (x - 0.5) + ("p".equals(asked.params().get("k")) ? 0 : 0.3);
            AskTellStudy.tell(dir, asked.trial(), value, StudyListener.NONE);
        }
        assertThat(AskTellStudy.ask(dir, SPACE, settings, StudyListener.NONE).trial()).isEqualTo(11);
        return dir;
    }
}
