package org.tune4j.tuner.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuner.storage.RunLayout;

class JournalTailTest {
    @TempDir
    Path tmp;

    @Test
    void readsOnlyWhatWasAppendedAndWaitsForAWholeLine() throws IOException {
        StudyFixture study = StudyFixture.create(tmp, "s", 5);
        JournalTail tail = new JournalTail(new RunLayout(study.root).journal());
        assertThat(tail.refresh().finished()).isEmpty();                      // no journal yet

        study.complete(1, 1e-3, 0.9, 4);
        JournalTail.Contents one = tail.refresh();
        assertThat(one.finished()).extracting(TrialView::number).containsExactly(1);
        assertThat(one.finished().get(0).history()).hasSize(2);
        assertThat(one.finished().get(0).params().has(StudyFixture.SCRIPT)).isTrue();

        Path journal = new RunLayout(study.root).journal();
        String line = Files.readAllLines(journal).get(0).replace("\"number\":1", "\"number\":2");
        Files.writeString(journal, line.substring(0, 40), StandardOpenOption.APPEND);   // a line being written
        assertThat(tail.refresh().finished()).hasSize(1);
        Files.writeString(journal, line.substring(40) + "\n", StandardOpenOption.APPEND);
        JournalTail.Contents two = tail.refresh();
        assertThat(two.finished()).extracting(TrialView::number).containsExactly(1, 2);
        assertThat(two.bytes()).isEqualTo(Files.size(journal));
    }

    @Test
    void keepsAnUnknownStateAsWrittenWithItsReason() throws IOException {
        StudyFixture study = StudyFixture.create(tmp, "s", 5);
        study.failed(1, 1e-2, "loss became NaN <b>at</b> epoch 2");
        study.appendRaw("{\"event\":\"finished\",\"trial\":{\"number\":2,\"params\":{\"x\":1},\"value\":null,"
                + "\"state\":\"pruned\",\"reason\":\"below the median at epoch 1\",\"seconds\":3.0}}");
        study.appendRaw("{\"event\":\"asked\",\"number\":3,\"params\":{\"x\":2},\"asked_at\":\"2026-01-01T00:00:00Z\"}");
        study.appendRaw("{\"event\":\"finished\",\"trial\":{\"number\":2,\"params\":{},\"state\":\"complete\",\"value\":1}}");

        JournalTail.Contents c = new JournalTail(new RunLayout(study.root).journal()).refresh();

        assertThat(c.finished()).extracting(TrialView::state).containsExactly("failed", "pruned");
        assertThat(c.finished()).extracting(TrialView::reason)
                .containsExactly("loss became NaN <b>at</b> epoch 2", "below the median at epoch 1");
        assertThat(c.finished().get(1).value()).isNull();
        assertThat(c.finished().get(1).isComplete()).isFalse();
        assertThat(c.pending()).containsExactly(3);
    }

    @Test
    void aPrunedTrialAsTheStudyWritesItKeepsItsReasonAndReports() throws IOException {
        StudyFixture study = StudyFixture.create(tmp, "s", 5);
        study.journal.appendFinished(new org.tune4j.tuner.storage.TrialRecord(1, StudyFixture.params(1e-3), -0.5,
                org.tune4j.optimizer.TrialState.PRUNED, null, 2.0, java.util.List.of(), null,
                java.util.List.of(new org.tune4j.tuner.storage.ReportRecord(1, -0.4, 0.25, 250L),
                        new org.tune4j.tuner.storage.ReportRecord(2, -0.5, 0.5, 500L)),
                "after 0.5 epoch: 50.0% < median 91.2% of 7 trials at this step"));

        TrialView t = new JournalTail(new RunLayout(study.root).journal()).refresh().finished().get(0);

        assertThat(t.state()).isEqualTo("pruned");
        assertThat(t.reason()).isEqualTo("after 0.5 epoch: 50.0% < median 91.2% of 7 trials at this step");
        assertThat(t.reports()).containsExactly(new TrialView.Report(1, -0.4, 0.25), new TrialView.Report(2, -0.5, 0.5));
        assertThat(t.isComplete()).isFalse();
    }

    @Test
    void aDamagedLineStopsTheReadingUntilItIsCutOffAndAShrunkJournalIsReadAgain() throws IOException {
        StudyFixture study = StudyFixture.create(tmp, "s", 5);
        study.complete(1, 1e-3, 0.9, 4);
        Path journal = new RunLayout(study.root).journal();
        String good = Files.readString(journal);
        Files.writeString(journal, "{\"event\":\"fini\n", StandardOpenOption.APPEND);
        JournalTail tail = new JournalTail(journal);

        JournalTail.Contents damaged = tail.refresh();
        assertThat(damaged.finished()).hasSize(1);
        assertThat(damaged.problem()).contains("journal line 2 is not valid JSON");

        study.complete(2, 2e-3, 0.95, 4);       // the study's Journal cuts the damaged line off, then appends
        JournalTail.Contents repaired = tail.refresh();
        assertThat(repaired.problem()).isNull();
        assertThat(repaired.finished()).extracting(TrialView::number).containsExactly(1, 2);

        Files.writeString(journal, good, StandardCharsets.UTF_8);          // replaced by a shorter file
        assertThat(tail.refresh().finished()).extracting(TrialView::number).containsExactly(1);
    }
}
