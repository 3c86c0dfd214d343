package org.tune4j.tuner.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The batch hand-out ({@link PgQueue}, {@link PgAsk}) against the real PostgreSQL
 * ({@link TestDatabase}): a batch's queued points go to concurrent workers once each, before any
 * new proposal; a worker that dies leaves them for the others; a batch never exceeds the budget.
 */
class PgQueueTest {
    private static final String SPACE = """
            {"x": {"type": "real", "low": -2, "high": 2}, "y": {"type": "real", "low": -2, "high": 2}}""";
    private static final PgStudy.Proposer NEVER = (finished, pending) -> {
        throw new AssertionError("a queued point was there: no proposal expected");
    };

    private final List<PgDatabase> opened = new ArrayList<>();
    private final List<AskTiming> timings = Collections.synchronizedList(new ArrayList<>());
    private String name;

    @BeforeEach
    void study() throws Exception {
        PgDatabase db = open();
        PgSchema.ensure(db);
        name = "queue-" + System.nanoTime();
        Space space = SpaceFile.fromJson(Json.mapper().readTree(SPACE), "space");
        PgStudies.openOrCreate(db, name, "test", Json.mapper().createObjectNode(), space, 40);
    }

    @AfterEach
    void close() {
        opened.forEach(PgDatabase::close);
    }

    private PgDatabase open() {
        PgDatabase db = TestDatabase.open(TestDatabase.url());
        opened.add(db);
        return db;
    }

    private PgStudy worker(String worker, int batch, Duration grace) {
        return new PgStudy(open(), name, worker, grace, 1, batch, timings::add);
    }

    /** Proposes {@code k} points (x = 0.1 * i, y = the call's tag), recording each call's pending and k. */
    private static PgStudy.Proposer batchOf(double tag, List<String> calls) {
        return (BatchProposer) (finished, pending, k) -> {
            calls.add(finished.size() + " finished, " + pending.size() + " pending, k " + k);
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                out.add(Map.of("x", 0.1 * i, "y", tag));
            }
            return out;
        };
    }

    private static Map<String, Object> point(int i, double tag) {
        return Map.of("x", 0.1 * i, "y", tag);
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect(TestDatabase.text()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql.replace("$S", "'" + name + "'"))) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    @Test
    void concurrentWorkersGetTheBatchsQueuedPointsOnceEachBeforeAnyNewProposal() throws Exception {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        PgStudy.Claim first = (PgStudy.Claim) worker("a", 5, Duration.ofMinutes(5)).next(40, batchOf(1.0, calls),
                m -> { });
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.params()).isEqualTo(point(0, 1.0));
        assertThat(calls).containsExactly("0 finished, 0 pending, k 5");
        assertThat(rows("SELECT number || ' ' || state FROM tune4j_trial WHERE study = $S ORDER BY number"))
                .containsExactly("1 running", "2 queued", "3 queued", "4 queued", "5 queued");

        int workers = 4;
        List<PgStudy> others = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            others.add(worker("w" + i, 0, Duration.ofMinutes(5)));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<PgStudy.Next>> asks = new ArrayList<>();
        for (PgStudy w : others) {
            asks.add(pool.submit(() -> {
                go.await();
                return w.next(40, NEVER, m -> { });
            }));
        }
        go.countDown();
        List<PgStudy.Claim> claims = new ArrayList<>();
        for (Future<PgStudy.Next> f : asks) {
            claims.add((PgStudy.Claim) f.get());
        }
        pool.shutdown();
        assertThat(claims).extracting(PgStudy.Claim::number).containsExactlyInAnyOrder(2, 3, 4, 5);
        assertThat(claims).extracting(PgStudy.Claim::params)
                .containsExactlyInAnyOrder(point(1, 1.0), point(2, 1.0), point(3, 1.0), point(4, 1.0));
        assertThat(claims).allMatch(c -> !c.requeued());
        assertThat(timings.subList(1, timings.size())).extracting(AskTiming::outcome).containsOnly("batch");
        assertThat(timings.subList(1, timings.size())).extracting(AskTiming::proposed).containsOnly(0);
        assertThat(rows("SELECT number || ' ' || state || ' ' || handed_out FROM tune4j_trial WHERE study = $S "
                + "ORDER BY number")).containsExactly("1 running 1", "2 running 1", "3 running 1", "4 running 1",
                "5 running 1");

        // the queue is empty: the next ask proposes, with the five running trials pending, under number 6
        PgStudy.Claim sixth = (PgStudy.Claim) others.get(0).next(40, batchOf(2.0, calls), m -> { });
        assertThat(sixth.number()).isEqualTo(6);
        assertThat(calls.get(calls.size() - 1)).startsWith("0 finished, 5 pending");
    }

    @Test
    void aWorkerThatDiesLeavesItsQueuedPointsToTheOthersAndItsOwnTrialIsRequeuedWhenSilent() throws Exception {
        PgDatabase dying = open();
        PgStudy a = new PgStudy(dying, name, "a", Duration.ofMillis(1500), 1, 3, t -> { });
        List<String> calls = new ArrayList<>();
        assertThat(((PgStudy.Claim) a.next(40, batchOf(1.0, calls), m -> { })).number()).isEqualTo(1);
        dying.close();  // the worker is gone: no heartbeat, no release

        assertThat(rows("SELECT number || ' ' || state FROM tune4j_trial WHERE study = $S ORDER BY number"))
                .containsExactly("1 running", "2 queued", "3 queued");
        PgStudy b = worker("b", 0, Duration.ofMillis(1500));
        PgStudy.Claim second = (PgStudy.Claim) b.next(40, NEVER, m -> { });
        PgStudy.Claim third = (PgStudy.Claim) b.next(40, NEVER, m -> { });
        assertThat(List.of(second.number(), third.number())).containsExactly(2, 3);
        assertThat(List.of(second.params(), third.params())).containsExactly(point(1, 1.0), point(2, 1.0));
        for (PgStudy.Claim c : List.of(second, third)) {  // b finishes them (it keeps no heartbeat here)
            assertThat(b.finish(new TrialRecord(c.number(), c.params(), 1.0, TrialState.COMPLETE, null, 0.1, List.of(),
                    null))).isTrue();
        }

        Thread.sleep(2000);  // trial 1's heartbeat is now older than the grace period
        List<String> notices = new ArrayList<>();
        PgStudy.Claim again = (PgStudy.Claim) b.next(40, NEVER, notices::add);
        assertThat(again.number()).isEqualTo(1);
        assertThat(again.params()).isEqualTo(point(0, 1.0));
        assertThat(again.requeued()).isTrue();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("trial 1 of worker a silent").endsWith("re-queued");
        assertThat(rows("SELECT handed_out::text FROM tune4j_trial WHERE study = $S AND number = 1"))
                .containsExactly("2");
    }

    @Test
    void theAutomaticBatchIsTheWorkersSeenAndThenProposalsGoUnderTheLockAtOnce() {
        PgStudy a = worker("a", 0, Duration.ofMinutes(5));
        PgStudy b = worker("b", 0, Duration.ofMinutes(5));
        List<String> calls = new ArrayList<>();
        int[] attempts = {0};
        PgStudy.Proposer proposer = new PgStudy.Proposer() {
            @Override
            public Map<String, Object> propose(List<TrialRecord> finished, List<Map<String, Object>> pending) {
                if (++attempts[0] == 1) {  // outside the lock: meanwhile b takes trial 1, a conflict
                    assertThat(b.next(40, (f, p) -> point(9, 9.0), m -> { })).isInstanceOf(PgStudy.Claim.class);
                }
                return point(0, 1.0);
            }

            @Override
            public List<Map<String, Object>> proposeBatch(List<TrialRecord> finished,
                                                          List<Map<String, Object>> pending, int k) {
                return batchOf(1.0, calls).proposeBatch(finished, pending, k);
            }
        };
        PgStudy.Claim first = (PgStudy.Claim) a.next(40, proposer, m -> { });
        assertThat(first.number()).isEqualTo(2);
        assertThat(calls).containsExactly("0 finished, 1 pending, k 2");  // a and b seen: a batch of 2
        assertThat(((PgStudy.Claim) b.next(40, NEVER, m -> { })).number()).isEqualTo(3);  // the queued one
        for (int i = 0; i < 10; i++) {  // a's next asks propose under the lock at once, batches of 2
            a.next(40, batchOf(2.0 + i, calls), m -> { });
        }
        assertThat(calls).hasSize(6).allMatch(c -> c.endsWith("k 2"));
        // a's asks after b's first and a's first (which had the conflict)
        assertThat(timings.subList(2, timings.size())).filteredOn(t -> t.proposed() > 0)
                .allSatisfy(t -> {
                    assertThat(t.lockedProposal()).isTrue();
                    assertThat(t.conflicts()).isZero();
                });
    }

    @Test
    void aBatchNeverGoesBeyondTheBudget() throws Exception {
        List<String> calls = new ArrayList<>();
        PgStudy a = worker("a", 8, Duration.ofMinutes(5));
        assertThat(a.next(3, batchOf(1.0, calls), m -> { })).isInstanceOf(PgStudy.Claim.class);
        assertThat(calls).containsExactly("0 finished, 0 pending, k 3");
        assertThat(rows("SELECT count(*)::text FROM tune4j_trial WHERE study = $S")).containsExactly("3");
        PgStudy b = worker("b", 0, Duration.ofMinutes(5));
        b.next(3, NEVER, m -> { });
        b.next(3, NEVER, m -> { });
        assertThat(b.next(3, NEVER, m -> { })).isInstanceOf(PgStudy.Wait.class);
    }
}
