package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.prune.PercentilePruner;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgSchema;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.PgStudy;
import org.tune4j.tuner.storage.postgres.TestDatabase;

/**
 * The seam of {@link StudyStorage}: the same scripted study (given points, then the optimizer's
 * asks; known learning curves judged by the median pruner) run by the one {@link StudyLoop}
 * through a run directory ({@link RunDirectoryStorage}) and through PostgreSQL with one worker
 * ({@link PostgresStorage}, the real database of {@link TestDatabase}) gives the same trials:
 * numbers, points, states, values, intermediate reports and prune reasons. And what only one
 * backend has is stated by the interface: leases (heartbeats) and a second result refused.
 */
class StudyStorageTest {
    private static final Space SPACE = SpaceFile.parse("""
            {"x": {"type": "real", "low": 0, "high": 1}}
            """, "test space");
    private static final OptimizerConfig OPTIMIZER = OptimizerConfig.defaults().withInitialPoints(3)
            .withCandidates(200).withRefineFrom(1).withSeed(3);
    /** Four given points, the fourth hopeless (x < 0.2: flat at chance, pruned by the median rule). */
    private static final List<Map<String, Object>> GIVEN = List.of(Map.of("x", 0.5), Map.of("x", 0.6),
            Map.of("x", 0.4), Map.of("x", 0.05));
    private static final int CALLS = 10;

    @TempDir
    Path tmp;

    private static Pruner median() {
        return new PrunerConfig(new PercentilePruner.Median(), Map.of("min_trials", 3.0)).create(0, 4);
    }

    private RunDirectoryStorage runDirectory(String name) {
        RunLayout dir = new RunLayout(tmp.resolve(name));
        StudyDescription study = StudyDirectory.create(dir, "test", Json.mapper().createObjectNode(), SPACE);
        return new RunDirectoryStorage(dir, study, OPTIMIZER, GIVEN);
    }

    private static PostgresStorage database(PgDatabase db) {
        PgSchema.ensure(db);
        PgStudies.openOrCreate(db, "s", "test", Json.mapper().createObjectNode(), SPACE, CALLS);
        return new PostgresStorage(new PgStudy(db, "s", "w", Duration.ofMinutes(1), 1), SPACE, OPTIMIZER, GIVEN,
                Duration.ofMillis(200));
    }

    /** What both backends must agree on: everything but the time a trial took. */
    private static List<List<Object>> comparable(List<TrialRecord> trials) {
        return trials.stream().map(t -> List.<Object>of(t.number(), t.params(), t.state(), String.valueOf(t.value()),
                t.reports(), String.valueOf(t.pruneReason()))).toList();
    }

    @Test
    void theSameScriptedStudyGivesTheSameTrialsThroughBothBackends() throws Exception {
        List<TrialRecord> local = new StudyLoop(runDirectory("run"), CALLS, median(),
                new PrunedStudyTest.CurveEvaluator(), StudyListener.NONE).run().trials();

        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            PgDatabase db = TestDatabase.open(fresh.url());
            try {
                List<TrialRecord> shared = new StudyLoop(database(db), CALLS, median(),
                        new PrunedStudyTest.CurveEvaluator(), StudyListener.NONE).run().trials();
                assertThat(comparable(shared)).isEqualTo(comparable(local));
            } finally {
                db.close();
            }
        }
        assertThat(local).hasSize(CALLS);
        assertThat(local.subList(0, GIVEN.size())).extracting(TrialRecord::params).isEqualTo(GIVEN);
        assertThat(local.get(3).state()).as("the hopeless given point").isEqualTo(TrialState.PRUNED);
        assertThat(local.stream().map(TrialRecord::params).distinct()).as("distinct points").hasSize(CALLS);
    }

    @Test
    void aRunDirectoryHasNoLeasesAndJournalsWhatItRecords() {
        RunDirectoryStorage storage = runDirectory("one");
        assertThat(storage.heartbeat()).isEmpty();
        storage.begin(2, StudyListener.NONE);
        try {
            StudyStorage.Claim claim = (StudyStorage.Claim) storage.next(2, StudyListener.NONE);
            assertThat(claim.number()).isEqualTo(1);
            assertThat(claim.params()).isEqualTo(GIVEN.get(0));
            assertThat(storage.release(1)).as("nothing to hand back").isFalse();
            TrialRecord trial = new TrialRecord(1, claim.params(), -0.5, TrialState.COMPLETE, null, 0, List.of(), null);
            assertThat(storage.record(trial)).isTrue();
            assertThat(new Journal(new RunLayout(tmp.resolve("one")).journal()).read(w -> { }).finished())
                    .extracting(TrialRecord::number).containsExactly(1);
            assertThat(((StudyStorage.Claim) storage.next(2, StudyListener.NONE)).params()).isEqualTo(GIVEN.get(1));
        } finally {
            storage.close();
        }
    }

    @Test
    void aDatabaseLeasesItsTrialsAndRefusesASecondResult() throws Exception {
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            PgDatabase db = TestDatabase.open(fresh.url());
            try {
                PostgresStorage storage = database(db);
                assertThat(storage.heartbeat()).contains(Duration.ofMillis(200));
                storage.begin(CALLS, StudyListener.NONE);
                StudyStorage.Claim claim = (StudyStorage.Claim) storage.next(CALLS, StudyListener.NONE);
                assertThat(claim.number()).isEqualTo(1);
                assertThat(claim.params()).isEqualTo(GIVEN.get(0));
                assertThat(storage.beat(1)).as("this worker's running trial").isTrue();
                TrialRecord trial = new TrialRecord(1, claim.params(), -0.5, TrialState.COMPLETE, null, 0, List.of(),
                        null);
                assertThat(storage.record(trial)).isTrue();
                assertThat(storage.record(trial)).as("a trial is recorded once").isFalse();
                assertThat(storage.beat(1)).as("no longer running").isFalse();
                storage.close();
            } finally {
                db.close();
            }
        }
    }
}
