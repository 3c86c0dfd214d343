package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.ReportRecord;
import org.tune4j.tuner.storage.TrainingLog;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.PgStudy;
import org.tune4j.tuner.storage.postgres.TestDatabase;
import org.tune4j.tuner.study.MinimizeConfig;
import org.tune4j.tuner.study.MinimizeStudy;
import org.tune4j.tuner.study.StudyDirectory;
import org.tune4j.tuner.study.StudyListener;
import org.tune4j.tuner.study.StudyLoop;
import org.tune4j.tuner.study.StudyPlan;
import org.tune4j.tuner.study.TrialOutcome;

/**
 * {@code tune4j copy} against the real PostgreSQL ({@link TestDatabase}): a run directory with
 * complete, failed and pruned trials (a training log, intermediate reports), a trial asked and not told, and a best model, copied into the
 * database and back, comes back with every file byte for byte; in the database the asked trial is
 * queued for the next worker; a name already taken and two run directories are refused.
 */
class CopyCommandTest {
    private static final Space SPACE = SpaceFile.parse("""
            {"x": {"type": "real", "low": 0, "high": 1}, "c": {"type": "categorical", "categories": ["a", "b"]}}
            """, "test space");

    @TempDir
    Path tmp;

    @Test
    void aRunDirectoryCopiedIntoTheDatabaseAndBackIsTheSame() throws Exception {
        RunLayout dir = new RunLayout(tmp.resolve("source"));
        MinimizeConfig config = new MinimizeConfig(6, List.of("sh", "objective.sh"), OptimizerConfig.defaults()
                .withInitialPoints(3).withCandidates(300).withRefineFrom(1).withSeed(3), null);
        StudyDescription study = StudyDirectory.create(dir, MinimizeStudy.KIND, MinimizeStudy.configJson(config), SPACE);
        new StudyLoop(new StudyPlan(dir, study, config.optimizer(), 5, List.of()), r -> {
            double x = (Double) r.params().get("x");
            double value = (x - 0.3) * (x - 0.3) + ("b".equals(r.params().get("c")) ? 0.1 : 0);
            return switch (r.number()) {
                case 1 -> TrialOutcome.complete(value, List.of(new EpochRecord(1, 0.9, 0.7, 0.8, 0.75, 1.5)), "logs/one");
                case 2 -> TrialOutcome.failed(null, "x too large", null, null);
                case 3 -> TrialOutcome.pruned(0.4, "after 1 epoch: below the median", List.of(), null,
                        List.of(new ReportRecord(1, 0.4, 1.0, 100L)));
                default -> TrialOutcome.complete(value, null, null);
            };
        }, StudyListener.NONE).run();
        TrainingLog.write(dir.logDir("logs/one"), List.of(new EpochRecord(1, 0.9, 0.7, 0.8, 0.75, 1.5)));
        new Journal(dir.journal()).appendAsked(6, Map.of("x", 0.25, "c", "a"), Instant.parse("2026-12-07T17:00:01.5Z"));
        Files.write(dir.bestModel(), new byte[] {1, 2, 3, 4});
        String name = "copy-" + System.nanoTime();
        String url = TestDatabase.url().toString();

        assertThat(Main.execute("copy", dir.root().toString(), url, "--name", name)).isZero();
        PgDatabase db = TestDatabase.open(TestDatabase.url());
        try {
            PgStudy s = new PgStudy(db, name, "test", java.time.Duration.ofDays(1), 0);
            assertThat(s.finished()).hasSize(5);
            assertThat(s.unfinished()).containsOnlyKeys(6);
        } finally {
            db.close();
        }
        Path back = tmp.resolve("back");
        assertThat(Main.execute("copy", url, "--name", name, back.toString())).isZero();
        for (String file : List.of(RunLayout.STUDY, RunLayout.JOURNAL, RunLayout.RESULTS, RunLayout.TRIALS_CSV,
                RunLayout.BEST_MODEL)) {
            assertThat(Files.readAllBytes(back.resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.root()
                    .resolve(file)));
        }
        assertThat(back.resolve("logs/one/training.csv")).hasSameTextualContentAs(dir.root().resolve("logs/one/training.csv"));
        assertThat(Files.readString(back.resolve(RunLayout.JOURNAL))).contains("\"state\":\"failed\"",
                "\"state\":\"pruned\"",
                "\"state\":\"complete\"", "\"event\":\"asked\",\"number\":6");
        assertThat(Files.readString(back.resolve(RunLayout.RESULTS))).contains("expected_minimum");

        assertThat(Main.execute("copy", dir.root().toString(), url, "--name", name)).as("name taken").isNotZero();
        assertThat(Main.execute("copy", dir.root().toString(), url, "--name", name + "-more", "--calls", "9")).isZero();
        PgDatabase again = TestDatabase.open(TestDatabase.url());
        try {
            assertThat(PgStudies.describe(again, name + "-more").config().get("calls").asInt()).as("the new budget")
                    .isEqualTo(9);
        } finally {
            again.close();
        }
        assertThat(Main.execute("copy", dir.root().toString(), tmp.resolve("other").toString(), "--name", name))
                .as("two run directories").isNotZero();
    }
}
