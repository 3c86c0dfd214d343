package org.tune4j.tuner.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuner.storage.StudyLock;

/** The pieces behind the pages: state, best and time left, the trial in flight, the token, the bundled files. */
class DashboardPartsTest {
    @TempDir
    Path tmp;

    @Test
    void stateFromLockAndBudget() {
        assertThat(StudyState.of(true, 2, 10)).isEqualTo(StudyState.RUNNING);
        assertThat(StudyState.of(true, 10, 10)).isEqualTo(StudyState.RUNNING);
        assertThat(StudyState.of(false, 10, 10)).isEqualTo(StudyState.FINISHED);
        assertThat(StudyState.of(false, 9, 10)).isEqualTo(StudyState.INTERRUPTED);
        assertThat(StudyState.of(false, 9, null)).isEqualTo(StudyState.IDLE);
    }

    @Test
    void aHeldStudyLockReadsAsRunningAndTheProbeCreatesNoLockFile() throws IOException {
        StudyFixture study = StudyFixture.create(tmp, "s", 3);
        assertThat(LockProbe.isHeld(study.root)).isFalse();
        assertThat(study.root.resolve(".lock")).doesNotExist();
        try (StudyLock lock = StudyLock.tryAcquire(study.root)) {
            assertThat(LockProbe.isHeld(study.root)).isTrue();
        }
    }

    @Test
    void bestTrialAndTimeLeftOfARunningStudy() throws IOException {
        StudyFixture study = StudyFixture.create(tmp, "s", 10);
        study.complete(1, 1e-3, 0.90, 40);
        study.failed(2, 1e-2, "diverged");
        study.complete(3, 2e-3, 0.95, 20);
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:14:05Z"), ZoneOffset.UTC);

        try (StudyLock lock = StudyLock.tryAcquire(study.root)) {
            StudySnapshot s = new StudyWatch("s", study.root, clock).snapshot();
            assertThat(s.state()).isEqualTo(StudyState.RUNNING);
            assertThat(s.best().orElseThrow().number()).isEqualTo(3);
            // mean of 40, 1 and 20 s = 61/3 s per trial, 7 trials left: 142.333 s
            assertThat(s.estimateLeft().orElseThrow().toMillis()).isEqualTo(142_333);
            assertThat(s.elapsed()).isEqualTo(Duration.ofMinutes(10));                // created 03:04:05
        }
        StudySnapshot stopped = new StudyWatch("s", study.root, clock).snapshot();
        assertThat(stopped.state()).isEqualTo(StudyState.INTERRUPTED);
        assertThat(stopped.estimateLeft()).isEmpty();
    }

    @Test
    void theTrialInFlightIsTheNewestLogNoFinishedTrialNames() throws IOException {
        StudyFixture study = StudyFixture.create(tmp, "s", 3);
        study.complete(1, 1e-3, 0.9, 4);
        Path journal = study.root.resolve("journal.jsonl");
        FileTime journalTime = Files.getLastModifiedTime(journal);
        Path stale = Files.createDirectories(study.root.resolve("logs/stale"));
        Files.writeString(stale.resolve("training.csv"), "epoch,loss,accuracy,val_loss,val_accuracy,seconds\n1,1,0.5,1,0.5,1\n");
        Files.setLastModifiedTime(stale.resolve("training.csv"), FileTime.from(journalTime.toInstant().minusSeconds(60)));
        Path current = Files.createDirectories(study.root.resolve("logs/current"));
        Files.writeString(current.resolve("training.csv"), "epoch,loss,accuracy,val_loss,val_accuracy,seconds\n"
                + "1,0.9,0.6,0.8,0.65,2.0\n2,0.5,0.8,0.45,0.85,2.0\n3,0.4,0.8", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(current.resolve("training.csv"), FileTime.from(journalTime.toInstant().plusSeconds(5)));

        TrainingLogs.InFlight f = TrainingLogs.inFlight(study.root, Set.of("logs/trial_1"), journalTime).orElseThrow();

        assertThat(f.logDir()).isEqualTo("logs/current");
        assertThat(f.epochs()).extracting(EpochRow::valAccuracy).containsExactly(0.65, 0.85);   // the torn row left out
        assertThat(TrainingLogs.inFlight(study.root, Set.of("logs/trial_1", "logs/current"), journalTime)).isEmpty();
    }

    @Test
    void aLogDirectoryOutsideLogsIsNotRead() throws IOException {
        StudyFixture study = StudyFixture.create(tmp, "s", 3);
        study.complete(1, 1e-3, 0.9, 4);
        Files.createDirectories(tmp.resolve("elsewhere"));
        assertThat(TrainingLogs.logDir(study.root, "logs/trial_1")).isPresent();
        for (String bad : List.of("../elsewhere", "logs/../../elsewhere", tmp.resolve("elsewhere").toString(), "logs", ".")) {
            assertThat(TrainingLogs.logDir(study.root, bad)).as(bad).isEmpty();
        }
    }

    @Test
    void onlyANonLoopbackBindIsExposed() throws IOException {
        Path runs = tmp.resolve("runs");
        for (String address : List.of("127.0.0.1", "::1", "127.0.0.2")) {
            assertThat(new DashboardConfig(java.net.InetAddress.getByName(address), 0, java.util.Optional.empty(), runs,
                    List.of(), runs).exposed()).as(address).isFalse();
        }
        for (String address : List.of("0.0.0.0", "::", "192.168.1.20")) {
            assertThat(new DashboardConfig(java.net.InetAddress.getByName(address), 0, java.util.Optional.empty(), runs,
                    List.of(), runs).exposed()).as(address).isTrue();
        }
        assertThatThrownBy(() -> new DashboardConfig(java.net.InetAddress.getLoopbackAddress(), 65536,
                java.util.Optional.empty(), runs, List.of(), runs)).hasMessage("--port: expected 0..65535, found 65536");
    }

    @Test
    void theTokenIsComparedWhole() {
        AccessToken token = AccessToken.of("abc");
        assertThat(token.admits(null, "abc")).isTrue();
        assertThat(token.admits("abc", null)).isTrue();
        assertThat(token.admits(null, null)).isFalse();
        assertThat(token.admits("ab", "abcd")).isFalse();
        assertThat(AccessToken.none().admits(null, null)).isTrue();
        assertThatThrownBy(() -> AccessToken.of(" ")).hasMessage("--token: expected a non-blank secret, found ' '");
    }

    @Test
    void uPlotIsTheCheckedFileAndADifferentOneIsRefused() {
        Assets assets = Assets.load();
        byte[] js = assets.get("uPlot.iife.min.js").orElseThrow().bytes();
        assertThat(Assets.sha256(js)).isEqualTo(Assets.UPLOT_SHA256.get("uPlot.iife.min.js"));
        // the FIPS 180-2 test vector
        assertThat(Assets.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        js[100] ^= 1;
        assertThatThrownBy(() -> Assets.verify("uPlot.iife.min.js", js, Assets.UPLOT_SHA256.get("uPlot.iife.min.js")))
                .hasMessageStartingWith("uPlot.iife.min.js: expected SHA-256 7f29cd14e36d8414")
                .hasMessageContaining(", found ");
    }

    @Test
    void givenRunDirectoriesMustBeRunDirectoriesWithDistinctNames() throws IOException {
        StudyFixture a = StudyFixture.create(tmp.resolve("a"), "same", 1);
        StudyFixture b = StudyFixture.create(tmp.resolve("b"), "same", 1);
        Clock clock = Clock.systemUTC();
        assertThat(ServedStudies.of(List.of(a.root), clock).find("same")).isPresent();
        assertThatThrownBy(() -> ServedStudies.of(List.of(a.root, b.root), clock))
                .hasMessageContaining("is also named same");
        assertThatThrownBy(() -> ServedStudies.of(List.of(tmp.resolve("a")), clock))
                .hasMessageStartingWith("RUN_DIR " + tmp.resolve("a") + ": expected a tune4j run directory");
        assertThatThrownBy(() -> ServedStudies.inRunsDir(tmp.resolve("none"), clock))
                .hasMessage("--runs-dir " + tmp.resolve("none") + ": expected a directory of run directories, found nothing"
                        + " (tune4j tune makes it with the first study)");
    }
}
