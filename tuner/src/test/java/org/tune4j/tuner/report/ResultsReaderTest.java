package org.tune4j.tuner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.ResultsFile;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyFile;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.optimizer.TrialState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsReaderTest {

    @TempDir
    Path tmp;

    private Path write(String json) throws IOException {
        return Files.writeString(tmp.resolve("results.json"), json);
    }

    @Test
    void readsTheFixtureStudy() throws IOException {
        StudyResults r = ResultsReader.read(write(Fixtures.resultsJson()));

        assertThat(r.trials()).hasSize(15);
        assertThat(r.space().names())
                .containsExactly("learning_rate", "num_dense_layers", "num_dense_nodes", "activation");
        assertThat(r.space().dimension(0)).isEqualTo(new RealDimension("learning_rate", 1e-6, 1e-2, Prior.LOG_UNIFORM));
        DimensionAxis lr = r.axes().get(0);
        assertThat(lr.kind()).isEqualTo(DimensionAxis.Kind.REAL);
        assertThat(lr.logUniform()).isTrue();
        assertThat(lr.low()).isEqualTo(1e-6);
        assertThat(lr.high()).isEqualTo(1e-2);
        assertThat(r.space().dimension(3)).isEqualTo(new CategoricalDimension("activation", List.of("relu", "sigmoid")));
        assertThat(r.axes().get(3).categories()).containsExactly("relu", "sigmoid");
        assertThat(r.trials().get(0).params()).containsEntry("num_dense_nodes", 16).containsEntry("activation", "relu");
        assertThat(r.trials().get(0).history()).hasSize(3);
        assertThat(r.best()).hasValueSatisfying(b -> assertThat(b.number()).isEqualTo(13));
        assertThat(r.best().get().value()).isEqualTo(-0.99);
        assertThat(r.expectedMinimum()).isPresent();
        assertThat(r.test()).hasValueSatisfying(t -> assertThat(t.accuracy()).isEqualTo(0.9882));
        TrialRecord failed = r.trials().get(14);
        assertThat(failed.isComplete()).isFalse();
        assertThat(failed.accuracy()).isEmpty();
        assertThat(failed.error()).contains("TrainingDivergedException");
        assertThat(r.optimizerText("surrogate", "?")).isEqualTo("GP");
        assertThat(r.optimizerNumber("seed", -1)).isEqualTo(19);
        assertThat(r.flatConfig()).containsEntry("optimizer.acquisition", "EI").containsEntry("epochs", 3);
    }

    @Test
    void sortsCompleteTrialsBestFirstAndFailedLast() throws IOException {
        StudyResults r = ResultsReader.read(write(Fixtures.resultsJson()));

        assertThat(r.trialsBestFirst().get(0).number()).isEqualTo(13);
        assertThat(r.trialsBestFirst().get(14).state()).isEqualTo(TrialState.FAILED);
        assertThat(r.trialsBestFirst().subList(0, 14)).extracting(TrialRecord::value).isSorted();
    }

    @Test
    void aFailedTrialWithoutValueReadsAsNoValue() throws IOException {
        String json = Fixtures.resultsJson().replace("\"value\": 0.0,", "");

        StudyResults r = ResultsReader.read(write(json));

        assertThat(r.trials().get(14).value()).isNull();
        assertThat(r.trials().get(14).valueOrNaN()).isNaN();
    }

    @Test
    void readsBackTheTrialsTheStudyWrote() throws IOException {
        ObjectMapper json = Json.mapper();
        List<TrialRecord> written = List.of(
                new TrialRecord(1, Map.of("x", 0.25), -0.9, TrialState.COMPLETE, null, 12.5,
                        List.of(new EpochRecord(1, 0.5, 0.8, 0.4, 0.9, 6.0)), "logs/x_0.25"),
                new TrialRecord(2, Map.of("x", 0.75), null, TrialState.FAILED, "command exited with status 3", 1.0,
                        List.of(), null));
        Path file = tmp.resolve(RunLayout.RESULTS);
        ResultsFile.write(file, new ResultsDocument(StudyFile.FORMAT, "minimize", json.readTree("{\"calls\": 2}"),
                json.readTree("{\"x\": {\"type\": \"real\", \"low\": 0, \"high\": 1}}"), written,
                ResultsDocument.bestOf(written), null, null));

        assertThat(ResultsReader.read(file).trials()).isEqualTo(written);
    }

    @Test
    void aTrialTheStudyCouldNotHaveWrittenIsNamed() throws IOException {
        Path file = write(Fixtures.resultsJson().replaceFirst("\"number\": 1,", "\"number\": 0,"));

        assertThatThrownBy(() -> ResultsReader.read(file))
                .isInstanceOf(MalformedResultsException.class)
                .hasMessageContaining("field trials[0]: trial number: expected >= 1, found 0");
    }

    @Test
    void aValueOfTheWrongTypeNamesFileAndField() throws IOException {
        Path file = write(Fixtures.resultsJson().replaceFirst("\"value\": -0\\.\\d+", "\"value\": \"abc\""));

        assertThatThrownBy(() -> ResultsReader.read(file))
                .isInstanceOf(MalformedResultsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("field trials[0].value")
                .hasMessageContaining("expected a number, found string \"abc\"");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        Path file = write(Fixtures.resultsJson().replace("\"space\":", "\"spaces\":"));

        assertThatThrownBy(() -> ResultsReader.read(file))
                .isInstanceOf(MalformedResultsException.class)
                .hasMessage(file + ": field space: missing");
    }

    @Test
    void anUnknownPriorIsNamedWithItsDimension() throws IOException {
        Path file = write(Fixtures.resultsJson().replace("\"log-uniform\"", "\"log\""));

        assertThatThrownBy(() -> ResultsReader.read(file))
                .isInstanceOf(MalformedResultsException.class)
                .hasMessageContaining(file + ": field space: dimension \"learning_rate\": field \"prior\"")
                .hasMessageContaining("expected \"uniform\" or \"log-uniform\", found \"log\"");
    }

    @Test
    void boundsTheOptimizerRefusesAreNamedWithTheirDimension() throws IOException {
        Path file = write(Fixtures.resultsJson().replace("\"high\": 512", "\"high\": 4"));

        assertThatThrownBy(() -> ResultsReader.read(file))
                .isInstanceOf(MalformedResultsException.class)
                .hasMessageContaining(file + ": field space: dimension \"num_dense_nodes\": field \"high\"")
                .hasMessageContaining("expected low < high, found low 5, high 4");
    }

    @Test
    void aNumberWrittenAsAStringIsRefused() throws IOException {
        Path file = write(Fixtures.resultsJson().replaceFirst("\"number\": 1,", "\"number\": \"1\","));

        assertThatThrownBy(() -> ResultsReader.read(file))
                .isInstanceOf(MalformedResultsException.class)
                .hasMessageContaining("field trials[0].number: expected a number, found string \"1\"");
    }

    @Test
    void figuresAHandWrittenFileLeavesOutReadAsNaN() throws IOException {
        String json = Fixtures.resultsJson().replaceFirst("\"seconds\": [0-9.]+,?", "");

        StudyResults r = ResultsReader.read(write(json));

        assertThat(r.trials()).hasSize(15);
        assertThat(r.trials().stream().flatMap(t -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(t.seconds()), t.history().stream().map(EpochRecord::seconds))))
                .containsOnlyOnce(Double.NaN);
    }

    @Test
    void anotherFormatIsRefused() throws IOException {
        Path file = write(Fixtures.resultsJson().replace("\"format\": 1,", "\"format\": 7,"));

        assertThatThrownBy(() -> ResultsReader.read(file))
                .hasMessageContaining("field format: expected 1")
                .hasMessageContaining("found number 7");
    }

    @Test
    void brokenJsonNamesTheFile() throws IOException {
        Path file = write("{\"format\": 1, \"trials\": [");

        assertThatThrownBy(() -> ResultsReader.read(file))
                .isInstanceOf(MalformedResultsException.class)
                .hasMessageStartingWith(file + ": not valid JSON");
    }

    @Test
    void aMissingFileSaysSo() {
        Path file = tmp.resolve("nowhere").resolve("results.json");

        assertThatThrownBy(() -> ResultsReader.read(file))
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("results.json");
    }
}
