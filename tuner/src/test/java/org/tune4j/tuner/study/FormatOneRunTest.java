package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.report.ResultsReader;
import org.tune4j.tuner.report.StudyResults;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * A run directory written by tune4j before the space model was unified (resource
 * {@code storage/format1/}: study.json, journal.jsonl and results.json of {@code tune --calls 5}
 * at commit 8ff4f44) still opens for resuming and still reads for a report.
 */
class FormatOneRunTest {
    @TempDir
    Path tmp;

    private RunLayout copyOfTheOldRun() throws IOException {
        for (String name : List.of("study.json", "journal.jsonl", "results.json")) {
            try (InputStream in = FormatOneRunTest.class.getResourceAsStream("/org/tune4j/tuner/storage/format1/" + name)) {
                Files.copy(in, tmp.resolve(name));
            }
        }
        return new RunLayout(tmp);
    }

    @Test
    void theOldStudyResumesWithTheTutorialSpace() throws IOException {
        RunLayout dir = copyOfTheOldRun();

        StudyDescription study = StudyDirectory.open(dir, "tune", TutorialSpace.defaultSpace());

        assertThat(study.space()).isEqualTo(TutorialSpace.defaultSpace());
        List<TrialRecord> trials = new Journal(dir.journal()).read(warning -> { }).finished();
        List<List<Object>> points = new ArrayList<>();
        for (TrialRecord t : trials) {
            points.add(study.space().fromMap(t.params()));
        }
        assertThat(points).containsExactly(
                List.of(1e-5, 1, 16, "relu"),
                List.of(5.4527025490973285E-6, 5, 306, "sigmoid"),
                List.of(1.1099508165287225E-6, 4, 322, "sigmoid"),
                List.of(2.3824655802674766E-5, 5, 456, "relu"),
                List.of(7.692798166152155E-6, 4, 152, "relu"));
    }

    @Test
    void theOldResultsReadForAReport() throws IOException {
        RunLayout dir = copyOfTheOldRun();

        StudyResults results = ResultsReader.read(dir.results());

        Space space = results.space();
        assertThat(space).isEqualTo(TutorialSpace.defaultSpace());
        assertThat(results.trials()).hasSize(5);
        assertThat(results.best()).hasValueSatisfying(b -> assertThat(b.value()).isEqualTo(-0.9638));
        assertThat(results.trials().get(0).params())
                .isEqualTo(Map.of("learning_rate", 1e-5, "num_dense_layers", 1, "num_dense_nodes", 16, "activation", "relu"));
    }
}
