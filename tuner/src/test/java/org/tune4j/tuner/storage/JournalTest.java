package org.tune4j.tuner.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.TrialState;

class JournalTest {
    @TempDir
    Path dir;

    private static TrialRecord trial(int number, double value) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learning_rate", 1e-5);
        params.put("num_dense_layers", 2);
        params.put("activation", "relu");
        return new TrialRecord(number, params, value, TrialState.COMPLETE, null, 12.5,
                List.of(new EpochRecord(1, 0.5, 0.8, 0.4, 0.85, 6.0)), "logs/lr_1e-05_layers_2_nodes_16_relu");
    }

    @Test
    void finishedTrialsRoundTripWithTheirTypes() {
        Journal journal = new Journal(dir.resolve("journal.jsonl"));
        journal.appendFinished(trial(1, -0.85));
        journal.appendFinished(new TrialRecord(2, Map.of("activation", "sigmoid"), 0.0, TrialState.FAILED,
                "training diverged", 1.0, List.of(), null));
        List<String> warnings = new ArrayList<>();

        JournalContents read = journal.read(warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(read.finished()).hasSize(2);
        assertThat(read.finished().get(0)).isEqualTo(trial(1, -0.85));
        assertThat(read.finished().get(0).params().get("num_dense_layers")).isInstanceOf(Integer.class);
        assertThat(read.finished().get(0).params().get("learning_rate")).isEqualTo(1e-5);
        assertThat(read.finished().get(1).state()).isEqualTo(TrialState.FAILED);
        assertThat(read.finished().get(1).error()).isEqualTo("training diverged");
        assertThat(read.lastNumber()).isEqualTo(2);
    }

    @Test
    void pendingAsksAreClearedWhenTheirTrialFinishes() {
        Journal journal = new Journal(dir.resolve("journal.jsonl"));
        journal.appendAsked(1, Map.of("x", 0.5), Instant.parse("2026-01-01T10:00:00Z"));
        journal.appendAsked(2, Map.of("x", 0.25), Instant.parse("2026-01-01T10:00:05Z"));
        journal.appendFinished(new TrialRecord(1, Map.of("x", 0.5), 3.0, TrialState.COMPLETE, null, 0, List.of(), null));

        JournalContents read = journal.read(w -> { });

        assertThat(read.finished()).extracting(TrialRecord::number).containsExactly(1);
        assertThat(read.pending()).containsOnlyKeys(2);
        assertThat(read.pending().get(2).params()).containsEntry("x", 0.25);
        assertThat(read.pending().get(2).askedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:05Z"));
        assertThat(read.lastNumber()).isEqualTo(2);
    }

    @Test
    void aLastLineCutShortIsIgnoredWithAWarningAndCutOffByTheNextAppend() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = new Journal(file);
        journal.appendFinished(trial(1, -0.5));
        String whole = Files.readString(file);
        journal.appendFinished(trial(2, -0.6));
        // simulate kill -9 half-way through writing line 2
        String torn = Files.readString(file).substring(0, whole.length() + 40);
        Files.writeString(file, torn);
        List<String> warnings = new ArrayList<>();

        JournalContents read = journal.read(warnings::add);

        assertThat(read.finished()).extracting(TrialRecord::number).containsExactly(1);
        assertThat(warnings).singleElement().asString().contains("line 2").contains("cut short");

        journal.appendFinished(trial(2, -0.7));
        List<String> later = new ArrayList<>();
        JournalContents repaired = journal.read(later::add);
        assertThat(later).isEmpty();
        assertThat(repaired.finished()).extracting(TrialRecord::value).containsExactly(-0.5, -0.7);
    }

    @Test
    void aGarbageLastLineIsIgnoredOnceAndCutOffByTheNextAppend() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = new Journal(file);
        journal.appendFinished(trial(1, -0.5));
        Files.writeString(file, "garbage, but with its newline\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();

        assertThat(journal.read(warnings::add).finished()).extracting(TrialRecord::number).containsExactly(1);
        assertThat(warnings).singleElement().asString().contains("line 2").contains("not valid JSON");

        journal.appendFinished(trial(2, -0.6));
        List<String> later = new ArrayList<>();
        JournalContents resumedAgain = journal.read(later::add);
        assertThat(later).isEmpty();
        assertThat(resumedAgain.finished()).extracting(TrialRecord::value).containsExactly(-0.5, -0.6);
        assertThat(Files.readString(file)).doesNotContain("garbage");
    }

    @Test
    void damageInTheMiddleIsAnErrorNamingTheLine() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = new Journal(file);
        journal.appendFinished(trial(1, -0.5));
        String goodLine = Files.readString(file);
        // damage written by something other than the journal (which cuts a damaged last line before appending)
        Files.writeString(file, "{not json\n" + goodLine, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> journal.read(w -> { }))
                .hasMessageContaining("line 2").hasMessageContaining("not valid JSON");
    }

    @Test
    void aNonFiniteEpochFigureOfAFailedTrialSurvivesTheRoundTrip() {
        Journal journal = new Journal(dir.resolve("journal.jsonl"));
        TrialRecord failed = new TrialRecord(1, Map.of("activation", "relu"), 0.0, TrialState.FAILED,
                "training diverged: validation loss NaN", 1.0,
                List.of(new EpochRecord(1, 2.3, 0.1, Double.NaN, 0.0, 1.0)), "logs/x");
        journal.appendFinished(failed);

        TrialRecord read = journal.read(w -> { }).finished().get(0);

        assertThat(read.history().get(0).valLoss()).isNaN();
        assertThat(read).isEqualTo(failed);
    }

    @Test
    void aMissingJournalIsEmpty() {
        JournalContents read = new Journal(dir.resolve("none.jsonl")).read(w -> { });
        assertThat(read.finished()).isEmpty();
        assertThat(read.lastNumber()).isZero();
    }

    @Test
    void aTrialFinishedTwiceIsRefused() {
        Journal journal = new Journal(dir.resolve("journal.jsonl"));
        journal.appendFinished(trial(1, -0.5));
        journal.appendFinished(trial(1, -0.6));
        assertThatThrownBy(() -> journal.read(w -> { })).hasMessageContaining("trial 1 is finished twice");
    }
}
