package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.acquisition.GpHedge;
import org.tune4j.optimizer.initial.SobolDesign;
import org.tune4j.optimizer.surrogate.RandomForest;
import org.tune4j.tuner.storage.OptimizerJson;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyFile;

/**
 * Run directories written before the extension points (optimizer settings as enums, xi and kappa
 * at the top level; fixtures and how they were made in {@code format1-enums/README.md}) still
 * load, and resume where they stopped.
 */
class OldFormatStudyTest {
    private static final String FIXTURES = "/org/tune4j/tuner/study/format1-enums/";

    @TempDir
    Path tmp;

    private Path copied(String run, String... files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(run));
        for (String f : files) {
            try (InputStream in = OldFormatStudyTest.class.getResourceAsStream(FIXTURES + run + "/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    @Test
    void anOldTutorialStudyHasTheTutorialsSettings() throws IOException {
        Path dir = copied("tune", "study.json");
        TuneConfig config = TuneStudy.configOf(StudyFile.read(dir.resolve("study.json")));
        assertThat(config.optimizer()).isEqualTo(OptimizerConfig.defaults()); // EI keeps xi; kappa was LCB's
        assertThat(config.calls()).isEqualTo(5);
    }

    @Test
    void anOldAskTellStudyResumesWithTheProposalTheOldCodeMade() throws IOException {
        Path dir = copied("ask-tell", "study.json", "journal.jsonl");
        AskTellStudy.Asked next = AskTellStudy.ask(new RunLayout(dir), null, OptimizerConfig.defaults(),
                StudyListener.NONE);
        assertThat(next.trial()).isEqualTo(5);
        assertThat(next.params()).isEqualTo(Map.of("x", 0.2696124442579335, "k", "p"));
    }

    @Test
    void oldSpellingsBecomeTheRegisteredExtensions() throws IOException {
        Path dir = copied("ask-tell", "study.json");
        OptimizerConfig expected = OptimizerConfig.defaults().withSurrogate(new RandomForest.Factory())
                .withAcquisition(new GpHedge.Factory()).withAcquisitionParameter("xi", 0.05)
                .withAcquisitionParameter("kappa", 2.5).withInitialDesign(new SobolDesign()).withInitialPoints(3)
                .withSeed(4);
        assertThat(OptimizerJson.config(StudyFile.read(dir.resolve("study.json")).config()))
                .isEqualTo(expected);
    }
}
