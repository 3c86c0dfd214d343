package org.tune4j.tuner.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The ask's proposal outside the study lock ({@link PgAsk}) against a real PostgreSQL: two
 * workers of one study in one test, the second asking while the first is proposing. The database
 * comes from {@code TUNE4J_TEST_STORAGE} (password: {@code PGPASSWORD}); without it the test is
 * skipped, except under {@code CI=true}, where it fails.
 */
class PgAskTest {
    private static final String SPACE = """
            {"x": {"type": "real", "low": -2, "high": 2}, "y": {"type": "real", "low": -2, "high": 2}}""";
    private static final Map<String, Object> P1 = Map.of("x", 0.25, "y", 0.5);
    private static final Map<String, Object> P2 = Map.of("x", -1.0, "y", 1.5);

    private PgDatabase dbA;
    private PgDatabase dbB;
    private PgStudy a;
    private PgStudy b;
    private final List<AskTiming> timings = new ArrayList<>();

    @BeforeEach
    void twoWorkers() throws Exception {
        String url = System.getenv("TUNE4J_TEST_STORAGE");
        if (url == null || url.isBlank()) {
            String missing = "TUNE4J_TEST_STORAGE (postgresql://USER@HOST:PORT/DB of a throw-away database) is not set";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        StorageUrl parsed = StorageUrl.parse(url, "TUNE4J_TEST_STORAGE");
        dbA = new PgDatabase(parsed, System.getenv("PGPASSWORD"), m -> { });
        dbB = new PgDatabase(parsed, System.getenv("PGPASSWORD"), m -> { });
        dbA.connect();
        dbB.connect();
        PgSchema.ensure(dbA);
        String name = "ask-" + System.nanoTime();
        Space space = SpaceFile.fromJson(Json.mapper().readTree(SPACE), "space");
        PgStudies.openOrCreate(dbA, name, "test", Json.mapper().createObjectNode(), space, 10);
        a = new PgStudy(dbA, name, "worker-a", Duration.ofMinutes(5), 1, timings::add);
        b = new PgStudy(dbB, name, "worker-b", Duration.ofMinutes(5), 1);
    }

    @AfterEach
    void close() {
        if (dbA != null) {
            dbA.close();
            dbB.close();
        }
    }

    @Test
    void aProposalMadeWhileAnotherWorkerTookATrialIsMadeAgainWithThatTrialPending() {
        List<List<Map<String, Object>>> seen = new ArrayList<>();
        PgStudy.Next next = a.next(10, (finished, pending) -> {
            seen.add(pending);
            if (seen.size() == 1) {  // meanwhile worker b takes trial 1 with the same point: a's must not go in
                assertThat(b.next(10, (f, p) -> P1, m -> { })).isInstanceOf(PgStudy.Claim.class);
                return P1;
            }
            return P2;
        }, m -> { });
        assertThat(seen).containsExactly(List.of(), List.of(P1));
        PgStudy.Claim claim = (PgStudy.Claim) next;
        assertThat(claim.number()).isEqualTo(2);
        assertThat(claim.params()).isEqualTo(P2);
        assertThat(timings).singleElement().satisfies(t -> {
            assertThat(t.conflicts()).isEqualTo(1);
            assertThat(t.lockedProposal()).isTrue();  // made again under the lock
            assertThat(t.pending()).isEqualTo(1);
        });
    }

    @Test
    void aTrialThatStartedAndFinishedDuringAProposalStillMakesItStale() {
        List<List<TrialRecord>> seenFinished = new ArrayList<>();
        PgStudy.Claim claim = (PgStudy.Claim) a.next(10, new PgStudy.Proposer() {
            @Override
            public Map<String, Object> propose(List<TrialRecord> finished, List<Map<String, Object>> pending) {
                seenFinished.add(finished);
                if (seenFinished.size() == 1) {  // b takes the same point and is done before a gets the lock
                    PgStudy.Claim other = (PgStudy.Claim) b.next(10, (f, p) -> P1, m -> { });
                    assertThat(b.finish(new TrialRecord(other.number(), P1, 0.5, TrialState.COMPLETE, null, 1.0,
                            List.of(), null))).isTrue();
                    return P1;
                }
                return P2;
            }

            @Override
            public boolean stale(Map<String, Object> proposal, List<Map<String, Object>> arrived) {
                return false;  // even a proposer that never calls a proposal stale never gets a point twice
            }
        }, m -> { });
        assertThat(claim.params()).isEqualTo(P2);
        assertThat(seenFinished.get(1)).extracting(TrialRecord::number).containsExactly(1);
        assertThat(timings).singleElement().satisfies(t -> assertThat(t.conflicts()).isEqualTo(1));
    }

    @Test
    void afterAConflictTheProposalIsMadeUnderTheLockAndSoAreTheNextAsksOnes() {
        List<Integer> taken = new ArrayList<>();
        int[] calls = {0};
        PgStudy.Claim claim = (PgStudy.Claim) a.next(10, (finished, pending) -> {
            calls[0]++;
            if (calls[0] <= PgAsk.MAX_CONFLICTS) {
                taken.add(((PgStudy.Claim) b.next(10, (f, p) -> Map.of("x", 0.1 * p.size(), "y", 0.0), m -> { }))
                        .number());
            }
            return Map.of("x", 1.9, "y", 1.9);
        }, m -> { });
        assertThat(taken).containsExactly(1);
        assertThat(calls[0]).isEqualTo(PgAsk.MAX_CONFLICTS + 1);
        assertThat(claim.number()).isEqualTo(2);
        assertThat(timings).singleElement().satisfies(t -> {
            assertThat(t.conflicts()).isEqualTo(PgAsk.MAX_CONFLICTS);
            assertThat(t.lockedProposal()).isTrue();
            assertThat(t.pending()).isEqualTo(1);
        });
        for (int k = 0; k < PgAsk.LOCKED_AFTER_CONFLICT; k++) {  // the next asks propose under the lock at once
            a.next(100, (finished, pending) -> Map.of("x", 0.01 * pending.size(), "y", 1.0), m -> { });
        }
        a.next(100, (finished, pending) -> Map.of("x", 0.01 * pending.size(), "y", -1.0), m -> { });
        assertThat(timings).extracting(AskTiming::lockedProposal).containsExactly(true, true, true, true, true, true,
                true, true, true, false);
        assertThat(timings).extracting(AskTiming::conflicts).containsOnly(PgAsk.MAX_CONFLICTS, 0);
    }

    @Test
    void aProposalFarFromTheTrialsThatStartedMeanwhileIsKeptWhenTheProposerSaysItIsNotStale() {
        List<List<Map<String, Object>>> arrivals = new ArrayList<>();
        PgStudy.Claim claim = (PgStudy.Claim) a.next(10, new PgStudy.Proposer() {
            @Override
            public Map<String, Object> propose(List<TrialRecord> finished, List<Map<String, Object>> pending) {
                assertThat(b.next(10, (f, p) -> P1, m -> { })).isInstanceOf(PgStudy.Claim.class);
                return P2;
            }

            @Override
            public boolean stale(Map<String, Object> proposal, List<Map<String, Object>> arrived) {
                arrivals.add(arrived);
                return false;
            }
        }, m -> { });
        assertThat(arrivals).containsExactly(List.of(P1));
        assertThat(claim.number()).isEqualTo(2);
        assertThat(claim.params()).isEqualTo(P2);
        assertThat(timings).singleElement().satisfies(t -> assertThat(t.conflicts()).isZero());
    }

    @Test
    void anUncontendedAskIsSevenRoundTripsAndReadsAFinishedTrialOnce() {
        PgStudy.Claim first = (PgStudy.Claim) a.next(10, (f, p) -> P1, m -> { });
        assertThat(a.finish(new TrialRecord(first.number(), P1, 0.5, TrialState.COMPLETE, null, 1.0, List.of(), null)))
                .isTrue();
        List<List<TrialRecord>> finishedSeen = new ArrayList<>();
        PgStudy.Claim second = (PgStudy.Claim) a.next(10, (f, p) -> {
            finishedSeen.add(f);
            return P2;
        }, m -> { });
        assertThat(second.number()).isEqualTo(2);
        assertThat(finishedSeen).singleElement().satisfies(f -> assertThat(f).extracting(TrialRecord::number)
                .containsExactly(1));
        // snapshot: its SELECT and COMMIT; under the lock: SELECT ... FOR UPDATE, the lost-trial SELECT, the
        // read, the INSERT, COMMIT
        assertThat(timings).extracting(AskTiming::roundTrips).containsExactly(7L, 7L);
        assertThat(b.finished()).extracting(TrialRecord::number).containsExactly(1);
    }
}
