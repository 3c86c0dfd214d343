package org.tune4j.tuner.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The study's best model in the database ({@link PgBestModel}) against the real PostgreSQL: it is
 * always the model of the best finished trial (lowest value, lowest number among equal values), or
 * none; never a worse trial's. The hand-made sequence below gives the expected row after each
 * trial.
 */
class PgBestModelTest {
    private static final Space SPACE = SpaceFile.fromJson(Json.mapper().valueToTree(
            Map.of("x", Map.of("type", "real", "low", 0, "high", 1))), "test space");

    @Test
    void theStoredModelIsAlwaysTheBestFinishedTrialsOrNone() throws Exception {
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            PgDatabase db = TestDatabase.open(fresh.url());
            try {
                PgSchema.ensure(db);
                PgStudies.openOrCreate(db, "s", "tune", Json.mapper().createObjectNode(), SPACE, 10);
                PgStudy study = new PgStudy(db, "s", "w", Duration.ofMinutes(1), 1);
                AtomicInteger next = new AtomicInteger();
                for (int i = 0; i < 7; i++) {
                    study.next(10, (finished, pending) -> Map.of("x", next.incrementAndGet() / 10.0), m -> { });
                }
                assertThat(finish(study, 2, -0.5, TrialState.COMPLETE, "two")).isTrue();
                assertStored(db, 2, -0.5, "two");
                finish(study, 1, -0.3, TrialState.COMPLETE, "one");           // worse: the row stays trial 2's
                assertStored(db, 2, -0.5, "two");
                finish(study, 3, -0.5, TrialState.COMPLETE, "three");         // equal, later number: stays 2's
                assertStored(db, 2, -0.5, "two");
                finish(study, 4, -0.9, TrialState.PRUNED, "four");            // pruned trials never count
                assertStored(db, 2, -0.5, "two");
                assertThat(PgBestModel.recordTest(db, "s", 2, 0.98, 0.07)).isTrue();
                assertThat(PgBestModel.read(db, "s").orElseThrow().testAccuracy()).isEqualTo(0.98);
                finish(study, 5, -0.7, TrialState.COMPLETE, null);            // best, but its bytes are missing: none
                assertThat(PgBestModel.read(db, "s")).isEmpty();
                finish(study, 6, -0.6, TrialState.COMPLETE, "six");           // not the best finished (5 is): none
                assertThat(PgBestModel.read(db, "s")).isEmpty();
                finish(study, 7, -0.8, TrialState.COMPLETE, "seven");         // the new best
                assertStored(db, 7, -0.8, "seven");
                assertThat(PgBestModel.read(db, "s").orElseThrow().testAccuracy()).as("test figures of trial 2 dropped")
                        .isNull();
                assertThat(PgBestModel.recordTest(db, "s", 2, 0.5, 1.0)).as("trial 2 is no longer the stored model")
                        .isFalse();
                assertThat(finish(study, 7, -0.99, TrialState.COMPLETE, "again")).as("a second result").isFalse();
                assertStored(db, 7, -0.8, "seven");
                assertThat(PgBestModel.bestFinished(db, "s")).contains(new PgBestModel.Mark(7, -0.8));
            } finally {
                db.close();
            }
        }
    }

    @Test
    void aRunningTrialsLogIsKeptInItsRow() throws Exception {
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            PgDatabase db = TestDatabase.open(fresh.url());
            try {
                PgSchema.ensure(db);
                PgStudies.openOrCreate(db, "s", "tune", Json.mapper().createObjectNode(), SPACE, 2);
                PgStudy study = new PgStudy(db, "s", "w", Duration.ofMinutes(1), 1);
                study.next(2, (finished, pending) -> Map.of("x", 0.5), m -> { });
                study.log(1, List.of(new EpochRecord(1, 0.5, 0.8, 0.4, 0.85, 2.0)));
                assertThat(PgSchemaTest.query(db, "SELECT log FROM tune4j_trial WHERE number = 1"))
                        .containsExactly(Json.line(List.of(new EpochRecord(1, 0.5, 0.8, 0.4, 0.85, 2.0))));
            } finally {
                db.close();
            }
        }
    }

    private static boolean finish(PgStudy study, int number, double value, TrialState state, String model) {
        TrialRecord t = new TrialRecord(number, Map.of("x", number / 10.0), value, state, null, 1.0, List.of(), null,
                List.of(), state == TrialState.PRUNED ? "pruned in the test" : null);
        return study.finish(t, model == null ? null : model.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertStored(PgDatabase db, int number, double value, String model) {
        PgBestModel.Stored stored = PgBestModel.read(db, "s").orElseThrow();
        assertThat(List.of(stored.number(), stored.value(), new String(stored.bytes(),
                java.nio.charset.StandardCharsets.UTF_8))).containsExactly(number, value, model);
    }
}
