package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuner.storage.postgres.TestDatabase;

/**
 * {@code tune4j minimize --storage postgresql://... --name S} against a real PostgreSQL: several
 * worker processes on one study, a worker killed mid-trial, and the one-line refusals. The
 * database comes from {@code TUNE4J_TEST_STORAGE} (and its password from {@code PGPASSWORD}),
 * which {@code .ci/run} sets after starting a throw-away cluster; without it the test is skipped,
 * except under {@code CI=true}, where it fails.
 */
class SharedStudyTest {
    private static final String SPACE = """
            {"x": {"type": "real", "low": -2, "high": 2}, "y": {"type": "real", "low": -2, "high": 2}}
            """;

    /** (x - 0.5)^2 + y^2 after a short sleep; the first trial of a "slow" marker directory sleeps a minute. */
    private static final String OBJECTIVE = """
            read p
            if [ -n "$SLOW_ONCE" ] && mkdir "$SLOW_ONCE" 2>/dev/null; then echo $$ > "$SLOW_ONCE/pid"; sleep 60; fi
            x=$(printf '%s' "$p" | sed 's/.*"x":\\([-0-9.eE]*\\).*/\\1/')
            y=$(printf '%s' "$p" | sed 's/.*"y":\\([-0-9.eE]*\\).*/\\1/')
            sleep 0.2
            awk -v x="$x" -v y="$y" 'BEGIN { printf "%.6f\\n", (x - 0.5) * (x - 0.5) + y * y }'
            """;

    @TempDir
    Path tmp;

    private String url;
    private String study;

    @BeforeEach
    void database() throws Exception {
        url = TestDatabase.text();
        study = "e2e-" + System.nanoTime();
        Files.writeString(tmp.resolve("space.json"), SPACE);
        Files.writeString(tmp.resolve("objective.sh"), OBJECTIVE);
    }

    @Test
    void fourWorkersShareFortyCallsWithUniqueNumbersAndPoints() throws Exception {
        // a grace of 6 heartbeats (3 s): four JVMs, their proposals and background refills share two cores here, and
        // a 1.5 s grace let a starved heartbeat lose a trial twice (then failed); losing one is tested below
        List<String> args = new ArrayList<>(worker(40));
        args.addAll(args.indexOf("--"), List.of("--grace", "6"));
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(start("worker" + w, Map.of(), args));
        }
        for (int w = 0; w < 4; w++) {
            assertThat(workers.get(w).waitFor(240, TimeUnit.SECONDS)).as("worker %d ended", w).isTrue();
            assertThat(workers.get(w).exitValue()).as(Tune4j.output(tmp, "worker" + w)).isZero();
        }
        List<Integer> numbers = new ArrayList<>();
        Set<String> points = new HashSet<>();
        int handedOut = 0;
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT number, params, state, handed_out FROM tune4j_trial WHERE study = '"
                     + study + "' ORDER BY number")) {
            while (r.next()) {
                numbers.add(r.getInt(1));
                points.add(r.getString(2));
                handedOut += r.getInt(4);
                assertThat(r.getString(3)).as("trial %d", r.getInt(1)).isEqualTo("complete");
            }
        }
        assertThat(numbers).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
        }
        assertThat(points).as("no two trials with the same point").hasSize(40);
        int total = 0;
        for (int w = 0; w < 4; w++) {
            long ran = Files.readAllLines(tmp.resolve("worker" + w + ".out")).stream()
                    .filter(l -> l.startsWith("Trial ")).count();
            assertThat(ran).as("trials run by worker %d", w).isPositive();
            total += (int) ran;
        }
        // 40, plus one per trial taken for lost and handed out again (a worker starved of CPU for longer than the
        // grace on a loaded machine): each start is one hand-out recorded in the database
        assertThat(total).as("trials started across the workers").isEqualTo(handedOut);
        assertThat(handedOut).as("hand-outs").isBetween(40, 44);
    }

    @Test
    void threeWorkersInOneProcessShareTheBudget() throws Exception {
        List<String> args = new ArrayList<>(worker(9));
        args.addAll(args.indexOf("--"), List.of("--workers", "3"));
        Process p = run("three", Map.of(), args);
        assertThat(p.exitValue()).as(Tune4j.output(tmp, "three")).isZero();
        List<String> out = Files.readAllLines(tmp.resolve("three.out"));
        for (int w = 1; w <= 3; w++) {
            String label = "[worker " + w + "] Trial ";
            assertThat(out.stream().filter(l -> l.startsWith(label)).count()).as("trials of worker %d", w).isPositive();
        }
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT params), min(number), max(number), "
                     + "count(DISTINCT worker) FROM tune4j_trial WHERE study = '" + study + "' AND state = 'complete'")) {
            r.next();
            assertThat(List.of(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5)))
                    .as("finished, distinct points, first, last, workers").containsExactly(9, 9, 1, 9, 3);
        }
    }

    @Test
    void aWorkerKilledMidTrialLosesItAndAnotherReRunsItOnce() throws Exception {
        Path marker = tmp.resolve("slow");
        Process victim = start("victim", Map.of("SLOW_ONCE", marker.toString()), worker(6));
        Path pid = marker.resolve("pid");
        for (int i = 0; i < 600 && !Files.exists(pid); i++) {
            Thread.sleep(100);
        }
        assertThat(pid).as(Tune4j.output(tmp, "victim")).exists();
        Thread.sleep(200);  // the pid file is written; the trial's sleep has started
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);  // SIGKILL: no shutdown hook runs
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);

        Process rescuer = start("rescuer", Map.of("SLOW_ONCE", marker.toString()), worker(6));
        assertThat(rescuer.waitFor(120, TimeUnit.SECONDS)).as("rescuer ended").isTrue();
        assertThat(rescuer.exitValue()).as(Tune4j.output(tmp, "rescuer")).isZero();
        assertThat(Files.readString(tmp.resolve("rescuer.err"))).contains("trial 1 of worker", "lost, re-queued");
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT number, state, handed_out FROM tune4j_trial WHERE study = '" + study
                     + "' ORDER BY number")) {
            int rows = 0;
            while (r.next()) {
                rows++;
                assertThat(r.getString(2)).as("trial %d", r.getInt(1)).isEqualTo("complete");
                assertThat(r.getInt(3)).as("trial %d handed out", r.getInt(1)).isEqualTo(r.getInt(1) == 1 ? 2 : 1);
            }
            assertThat(rows).isEqualTo(6);
        }
    }

    /**
     * {@code pg_ctl restart} while two workers run: they retry (one line per retry) and go on;
     * the study ends with its budget, each trial run once. Needs the cluster's data directory
     * ({@code TUNE4J_TEST_PGDATA}, set by .ci/run) and root to run pg_ctl as the postgres user.
     */
    @Test
    void workersWaitForARestartedDatabaseAndLoseNothing() throws Exception {
        String pgdata = System.getenv("TUNE4J_TEST_PGDATA");
        Assumptions.assumeTrue(pgdata != null || "true".equals(System.getenv("CI")),
                "TUNE4J_TEST_PGDATA (the test cluster's data directory) is not set");
        assertThat(pgdata).as("TUNE4J_TEST_PGDATA under CI").isNotNull();
        List<Process> workers = List.of(start("w0", Map.of(), worker(16)), start("w1", Map.of(), worker(16)));
        Path started = tmp.resolve("w0.out");
        for (int i = 0; i < 600 && Files.readString(started).lines().filter(l -> l.startsWith("Trial ")).count() < 3;
             i++) {
            Thread.sleep(100);
        }
        Process restart = new ProcessBuilder("runuser", "-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl",
                "-D", pgdata, "-m", "fast", "-w", "restart", "-l", pgdata + "/../restart.log")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("restart.log").toFile()).start();
        assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(restart.exitValue()).as(Files.readString(tmp.resolve("restart.log"))).isZero();
        for (int w = 0; w < 2; w++) {
            assertThat(workers.get(w).waitFor(120, TimeUnit.SECONDS)).as("worker %d ended", w).isTrue();
            assertThat(workers.get(w).exitValue()).as(Tune4j.output(tmp, "w" + w)).isZero();
        }
        assertThat(Files.readString(tmp.resolve("w0.err")) + Files.readString(tmp.resolve("w1.err")))
                .contains("unreachable", "retry 1 of 12");
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT params), min(number), max(number), "
                     + "sum(handed_out) FROM tune4j_trial WHERE study = '" + study + "' AND state = 'complete'")) {
            r.next();
            assertThat(List.of(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5)))
                    .as("finished, distinct points, first, last, hand-outs").containsExactly(16, 16, 1, 16, 16);
        }
    }

    @Test
    void badStorageInputIsOneLineNamingIt() throws Exception {
        refused(Map.of(), "postgresql://nobody@/db", "--storage: expected postgresql://USER@HOST[:PORT]/DB");
        refused(Map.of("PGPASSWORD", "wrong-password"), url, "password authentication failed for user");
        refused(Map.of(), "postgresql://tune4j@127.0.0.1:1/tune4j_test", "unreachable");
        List<String> depth = new ArrayList<>(worker(2));
        depth.addAll(depth.indexOf("--"), List.of("--queue-depth", "many"));
        refused(Map.of(), depth, "--queue-depth: expected auto or 0..1000 queued points, found many");

        assertThat(run("first", Map.of(), worker(2)).exitValue()).as(Tune4j.output(tmp, "first")).isZero();
        Files.writeString(tmp.resolve("space.json"), SPACE.replace("\"high\": 2}}", "\"high\": 3}}"));
        refused(Map.of(), url, "exists with another search space");

        String other = "tune4j_v99_" + System.nanoTime();
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + other);
        }
        String otherUrl = url.substring(0, url.lastIndexOf('/') + 1) + other;
        try {
            try (Connection c = TestDatabase.connect(otherUrl); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE tune4j_schema (version integer NOT NULL)");
                s.execute("INSERT INTO tune4j_schema VALUES (99)");
            }
            refused(Map.of(), otherUrl, "holds tune4j schema version 99, this tune4j reads versions 1 to 2");
        } finally {
            try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + other);
            }
        }
    }

    private void refused(Map<String, String> env, String storage, String expected) throws Exception {
        List<String> args = new ArrayList<>(worker(2));
        args.set(args.indexOf("--storage") + 1, storage);
        refused(env, args, expected);
    }

    private void refused(Map<String, String> env, List<String> args, String expected) throws Exception {
        String name = "refused-" + System.nanoTime();
        Process p = run(name, env, args);
        String err = Files.readString(tmp.resolve(name + ".err"));
        assertThat(p.exitValue()).as(Tune4j.output(tmp, name)).isNotZero();
        List<String> ours = err.lines().filter(l -> !l.startsWith("WARNING: ") && !l.startsWith("Try 'tune4j"))
                .toList();  // the JVM's incubator notice, and picocli's pointer to --help after an option error
        assertThat(ours).as(Tune4j.output(tmp, name)).hasSize(1);
        assertThat(ours.get(0)).startsWith("tune4j: ").contains(expected).doesNotContain("Exception");
    }

    private List<String> worker(int calls) {
        return List.of("minimize", "--storage", url, "--name", study, "--space", tmp.resolve("space.json").toString(),
                "--calls", Integer.toString(calls), "--heartbeat", "0.5", "--initial-points", "5", "--",
                "sh", tmp.resolve("objective.sh").toString());
    }

    private Process start(String name, Map<String, String> env, List<String> args) throws Exception {
        ProcessBuilder b = new ProcessBuilder(Tune4j.command(args.toArray(String[]::new))).directory(tmp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        b.environment().remove("TUNE4J_STORAGE");
        b.environment().putAll(env);
        return b.start();
    }

    private Process run(String name, Map<String, String> env, List<String> args) throws Exception {
        Process p = start(name, env, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("tune4j %s ended", name).isTrue();
        return p;
    }
}
