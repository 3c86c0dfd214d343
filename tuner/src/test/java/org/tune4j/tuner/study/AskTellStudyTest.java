package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
