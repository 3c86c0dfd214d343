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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * Pipelined batches ({@link PgRefill}, and {@link PgAsk}'s polling of the queue while the study's
 * lock is held) against the real PostgreSQL ({@link TestDatabase}), each test in a database of its
 * own: concurrent workers that refill the queue in the background never get a trial or a point
 * twice and end with exactly the budget; a worker killed while its refill holds the lock leaves
 * no queued row behind; the queue's depth follows the workers running.
 */
class PgRefillTest {
    private static final String SPACE = """
            {"x": {"type": "real", "low": -2, "high": 2}, "y": {"type": "real", "low": -2, "high": 2}}""";

    /**
     * Proposes from the number of trials seen: the i-th point of a batch made when n trials exist is
     * (n + i) / 1000. Two proposals that saw the same trials make the same points, so a point handed
     * out twice is a refill or an ask that did not see another's trials.
     */
    private static final PgStudy.Proposer BY_COUNT = (BatchProposer) (finished, pending, k) -> {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(Map.of("x", (finished.size() + pending.size() + i) / 1000.0, "y", 0.0));
        }
        return out;
    };

    private static void study(StorageUrl url, String name, int calls) throws Exception {
        PgDatabase db = TestDatabase.open(url);
        try {
            PgSchema.ensure(db);
            Space space = SpaceFile.fromJson(Json.mapper().readTree(SPACE), "space");
            PgStudies.openOrCreate(db, name, "test", Json.mapper().createObjectNode(), space, calls);
        } finally {
            db.close();
        }
    }

    private static List<String> rows(StorageUrl url, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect("postgresql://" + url.user() + "@" + url.host() + ":" + url.port()
                + "/" + url.database()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** A worker's loop: ask, "evaluate" for {@code millis}, record; until the study is done. Returns its claims. */
    private static List<Integer> work(PgStudy study, int calls, long millis) throws InterruptedException {
        List<Integer> claimed = new ArrayList<>();
        while (true) {
            PgStudy.Next next = study.next(calls, BY_COUNT, m -> { });
            if (next instanceof PgStudy.Done) {
                return claimed;
            }
            if (next instanceof PgStudy.Claim c) {
                claimed.add(c.number());
                Thread.sleep(millis);
                assertThat(study.finish(new TrialRecord(c.number(), c.params(), (Double) c.params().get("x"),
                        TrialState.COMPLETE, null, millis / 1e3, List.of(), null))).isTrue();
            } else {
                Thread.sleep(20);
            }
        }
    }

    @Test
    void concurrentRefillingWorkersNeverHandOutATrialOrAPointTwiceAndEndWithExactlyTheBudget() throws Exception {
        int workers = 6;
        int calls = 60;
        List<AskTiming> timings = Collections.synchronizedList(new ArrayList<>());
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            study(fresh.url(), "s", calls);
            List<PgDatabase> dbs = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<List<Integer>>> runs = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    PgDatabase db = TestDatabase.open(fresh.url());
                    dbs.add(db);
                    PgStudy study = new PgStudy(db, "s", "w" + w, Duration.ofMinutes(1), 1, 0, PgStudy.AUTO_DEPTH,
                            timings::add);
                    long millis = 30 + 10L * w;  // workers of different speeds
                    runs.add(pool.submit(() -> work(study, calls, millis)));
                }
                List<Integer> all = new ArrayList<>();
                for (Future<List<Integer>> f : runs) {
                    all.addAll(f.get(120, TimeUnit.SECONDS));
                }
                assertThat(all).as("trials handed out, over all workers").hasSize(calls).doesNotHaveDuplicates();
            } finally {
                pool.shutdownNow();
                dbs.forEach(PgDatabase::close);
            }
            StorageUrl url = fresh.url();
            assertThat(rows(url, "SELECT count(*) || ' ' || min(number) || ' ' || max(number) FROM tune4j_trial "
                    + "WHERE state = 'complete'")).containsExactly(calls + " 1 " + calls);
            assertThat(rows(url, "SELECT count(*)::text FROM tune4j_trial")).containsExactly(Integer.toString(calls));
            assertThat(rows(url, "SELECT params FROM tune4j_trial GROUP BY params HAVING count(*) > 1"))
                    .as("points handed out twice").isEmpty();
            assertThat(rows(url, "SELECT DISTINCT handed_out::text FROM tune4j_trial")).containsExactly("1");
            // every point was proposed seeing every trial numbered before it (BY_COUNT: x = (number - 1) / 1000)
            assertThat(rows(url, "SELECT number::text FROM tune4j_trial WHERE abs((params::json->>'x')::float8 - "
                    + "(number - 1) / 1000.0) > 1e-9")).isEmpty();
        }
        // the refill did the work: background refills queued points that asks claimed from the queue
        assertThat(timings).filteredOn(t -> t.outcome().equals("refill")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.proposed()).isBetween(1, PgQueue.MAX_AUTO_BATCH));
        assertThat(timings).filteredOn(t -> t.outcome().equals("batch")).hasSizeGreaterThan(calls / 3);
    }

    @Test
    void aWorkerKilledWhileItsRefillHoldsTheLockLeavesNoQueuedRowAndTheNextNumberIsTaken() throws Exception {
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            study(fresh.url(), "s", 20);
            PgDatabase dbA = TestDatabase.open(fresh.url());
            PgDatabase dbB = TestDatabase.open(fresh.url());
            PgDatabase dbC = TestDatabase.open(fresh.url());
            CountDownLatch refilling = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            List<String> notices = Collections.synchronizedList(new ArrayList<>());
            PgStudy.Proposer stuck = (BatchProposer) (finished, pending, k) -> {  // a's refill: then its process is gone
                refilling.countDown();
                try {
                    never.await();  // the "killed" process does nothing more
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("killed");
            };
            PgStudy.Proposer a = new PgStudy.Proposer() {
                @Override
                public Map<String, Object> propose(List<TrialRecord> finished, List<Map<String, Object>> pending) {
                    return BY_COUNT.propose(finished, pending);
                }

                @Override
                public PgStudy.Proposer another() {
                    return stuck;
                }
            };
            try {
                PgStudy b = new PgStudy(dbB, "s", "b", Duration.ofMinutes(1), 1, 1, 0, t -> { });
                PgStudy c = new PgStudy(dbC, "s", "c", Duration.ofMinutes(1), 1, 1, 0, t -> { });
                assertThat(((PgStudy.Claim) b.next(20, BY_COUNT, m -> { })).number()).isEqualTo(1);
                assertThat(((PgStudy.Claim) c.next(20, BY_COUNT, m -> { })).number()).isEqualTo(2);
                // a: 3 workers running, depth 1, nothing queued: its ask refills in the background
                PgStudy dying = new PgStudy(dbA, "s", "a", Duration.ofMinutes(1), 1, 2, PgStudy.AUTO_DEPTH, t -> { });
                assertThat(((PgStudy.Claim) dying.next(20, a, notices::add)).number()).isEqualTo(3);
                assertThat(refilling.await(30, TimeUnit.SECONDS)).as("a's refill started").isTrue();
                StorageUrl url = fresh.url();
                // the refill holds the study's lock in an open transaction; a's process dies: the server ends
                // its sessions (here the refill's, the one in a transaction; a's other one holds nothing)
                assertThat(rows(url, "SELECT count(pg_terminate_backend(pid))::text FROM pg_stat_activity WHERE "
                        + "datname = current_database() AND state = 'idle in transaction'")).containsExactly("1");
                waitUntilNoTransactionIsOpen(url);
                assertThat(rows(url, "SELECT number || ' ' || state FROM tune4j_trial ORDER BY number"))
                        .containsExactly("1 running", "2 running", "3 running");
                // the lock is free again: b proposes under it and takes the next number, without a gap
                assertThat(b.finish(new TrialRecord(1, Map.of("x", 0.0, "y", 0.0), 0.0, TrialState.COMPLETE, null,
                        0.1, List.of(), null))).isTrue();
                PgStudy.Claim next = (PgStudy.Claim) b.next(20, BY_COUNT, m -> { });
                assertThat(next.number()).isEqualTo(4);
                assertThat(rows(url, "SELECT count(*)::text FROM tune4j_trial WHERE state = 'queued'"))
                        .containsExactly("0");
            } finally {
                never.countDown();
                dbB.close();
                dbC.close();
                dbA.close();
            }
        }
    }

    private static void waitUntilNoTransactionIsOpen(StorageUrl url) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (rows(url, "SELECT count(*)::text FROM pg_stat_activity WHERE datname = current_database() AND state = "
                    + "'idle in transaction'").equals(List.of("0"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("a transaction stayed open after its session was terminated");
    }

    @Test
    void theAutomaticDepthIsHalfTheWorkersRunningAndAWorkerAloneNeverRefills() {
        assertThat(PgRefill.depth(PgRefill.AUTO, 1)).isZero();
        assertThat(PgRefill.depth(PgRefill.AUTO, 2)).isEqualTo(1);
        assertThat(PgRefill.depth(PgRefill.AUTO, 16)).isEqualTo(8);
        assertThat(PgRefill.depth(PgRefill.AUTO, 33)).isEqualTo(16);
        assertThat(PgRefill.depth(3, 16)).isEqualTo(3);
    }
}
