package org.tune4j.e2e;

import org.tune4j.tuner.study.ProcessState;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune4j minimize} against a shell objective, and the {@code ask}/{@code tell} round trip. */
class MinimizeAndAskTellTest {
    @TempDir
    Path tmp;

    private Path space() throws Exception {
        Path space = tmp.resolve("space.json");
        Files.writeString(space, """
                {"x": {"type": "real", "low": -2, "high": 2},
                 "mode": {"type": "categorical", "categories": ["ok", "crash"]}}
                """);
        return space;
    }

    /** (x - 0.5)^2, read from the JSON on stdin; exits 1 when mode is "crash". */
    private static final String OBJECTIVE = """
            read p
            case "$p" in *crash*) echo "crashing on purpose" >&2; exit 1;; esac
            x=$(printf '%s' "$p" | sed 's/.*"x":\\([-0-9.eE]*\\).*/\\1/')
            echo "evaluating x=$x"
            awk -v x="$x" 'BEGIN { printf "%.6f\\n", (x - 0.5) * (x - 0.5) }'
            """;

    @Test
    void minimizeRunsTheCommandPerTrialAndGoesOnAfterAFailure() throws Exception {
        Path out = tmp.resolve("study");
        Tune4j.Result r = Tune4j.run(tmp, "minimize", "--space", space().toString(), "--calls", "8",
                "--initial-points", "4", "--seed", "1", "--out", out.toString(), "--", "sh", "-c", OBJECTIVE);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("  | evaluating x=").contains("Best value ");
        JsonNode results = Tune4j.readJson(out.resolve("results.json"));
        assertThat(results.get("kind").asText()).isEqualTo("minimize");
        JsonNode trials = results.get("trials");
        assertThat(trials).hasSize(8);
        int failed = 0;
        for (JsonNode t : trials) {
            boolean crash = t.get("params").get("mode").asText().equals("crash");
            assertThat(t.get("state").asText()).as(t.toString()).isEqualTo(crash ? "failed" : "complete");
            if (crash) {
                failed++;
                assertThat(t.get("value").isNull()).isTrue();
                assertThat(t.get("error").asText()).isEqualTo("command exited with status 1");
            } else {
                double x = t.get("params").get("x").asDouble();
                assertThat(t.get("value").asDouble()).isCloseTo((x - 0.5) * (x - 0.5), org.assertj.core.data.Offset.offset(1e-5));
            }
        }
        assertThat(failed).as("failed trials (the seed's design holds a crash)").isPositive();
        assertThat(results.get("best").get("params").get("mode").asText()).isEqualTo("ok");
        assertThat(r.err()).contains("crashing on purpose");
        assertThat(Tune4j.lines(out.resolve("journal.jsonl"))).hasSize(8);
    }

    @Test
    void aHangingObjectiveIsStoppedByTheTrialTimeoutAndTheStudyGoesOn() throws Exception {
        Path out = tmp.resolve("timeout");
        Tune4j.Result r = Tune4j.run(tmp, "minimize", "--space", space().toString(), "--calls", "3",
                "--trial-timeout", "0.5", "--seed", "1", "--out", out.toString(), "--no-report", "--",
                "sh", "-c", "[ \"$TUNE4J_TRIAL\" = 2 ] && sleep 300; echo 1.5");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode trials = Tune4j.readJson(out.resolve("results.json")).get("trials");
        assertThat(trials).hasSize(3);
        for (JsonNode t : trials) {
            boolean hangs = t.get("number").asInt() == 2;
            assertThat(t.get("state").asText()).as(t.toString()).isEqualTo(hangs ? "failed" : "complete");
            if (hangs) {
                assertThat(t.get("error").asText()).isEqualTo("the command ran past the trial timeout of 0.5 s and "
                        + "was stopped");
            }
        }
        Tune4j.Result bad = Tune4j.run(tmp, "minimize", "--space", space().toString(), "--trial-timeout", "0",
                "--out", tmp.resolve("bad").toString(), "--", "true");
        assertThat(bad.exit()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("--trial-timeout: expected seconds > 0");
    }

    @Test
    void sigtermToTune4jStopsTheObjectivesProcessTree() throws Exception {
        Path pidFile = tmp.resolve("sleeper.pid");
        Process p = Tune4j.start(tmp, "sigterm", "minimize", "--space", space().toString(), "--calls", "3",
                "--out", tmp.resolve("sigterm").toString(), "--no-report", "--",
                "sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(Files.exists(pidFile) && !Files.readString(pidFile).isBlank()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pidFile).as("the objective started its child").exists();
        long sleeper = Long.parseLong(Files.readString(pidFile).strip());

        p.destroy(); // SIGTERM to tune4j only, as `kill PID` sends
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("tune4j ended").isTrue();
        assertThat(ProcessState.stops(sleeper, 10)).as("the objective's child is not left running").isTrue();
        // nor any later trial's command, started while tune4j was exiting (the study loop goes on meanwhile)
        long until = System.nanoTime() + 10_000_000_000L;
        while (!commandsMentioning(pidFile.toString()).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(commandsMentioning(pidFile.toString())).as("objective commands left running").isEmpty();
    }

    /** The running processes (not zombies) whose command line contains {@code text}. */
    private static List<Long> commandsMentioning(String text) throws IOException {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (cmdline.contains(text) && ProcessState.running(pid)) {
                        found.add(pid);
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return found;
    }

    @Test
    void askAndTellRoundTrip() throws Exception {
        Path study = tmp.resolve("asktell");
        Tune4j.Result first = Tune4j.run(tmp, "ask", "--study", study.toString(), "--space", space().toString(),
                "--seed", "5");
        assertThat(first.exit()).as(first.toString()).isZero();
        JsonNode asked = Tune4j.parseJson(first.lastLine());
        assertThat(asked.get("trial").asInt()).isEqualTo(1);
        assertThat(asked.get("params").fieldNames()).toIterable().containsExactly("x", "mode");

        Tune4j.Result second = Tune4j.run(tmp, "ask", "--study", study.toString());
        JsonNode asked2 = Tune4j.parseJson(second.lastLine());
        assertThat(asked2.get("trial").asInt()).isEqualTo(2);
        assertThat(asked2.get("params")).isNotEqualTo(asked.get("params"));

        Tune4j.Result tell = Tune4j.run(tmp, "tell", "--study", study.toString(), "--trial", "2", "--value", "0.75");
        assertThat(tell.exit()).as(tell.toString()).isZero();
        assertThat(Tune4j.run(tmp, "tell", "--study", study.toString(), "--trial", "1", "--failed").exit()).isZero();

        Tune4j.Result unknown = Tune4j.run(tmp, "tell", "--study", study.toString(), "--trial", "9", "--value", "1");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("trial 9").contains("unknown");
        Tune4j.Result again = Tune4j.run(tmp, "tell", "--study", study.toString(), "--trial", "2", "--value", "1");
        assertThat(again.err()).contains("trial 2").contains("already told");
        Tune4j.Result nan = Tune4j.run(tmp, "tell", "--study", study.toString(), "--trial", "3", "--value", "NaN");
        assertThat(nan.exit()).isEqualTo(1);
        assertThat(nan.err()).contains("expected a finite number, found NaN");

        JsonNode results = Tune4j.readJson(study.resolve("results.json"));
        assertThat(results.get("trials")).hasSize(2);
        assertThat(results.get("best").get("number").asInt()).isEqualTo(2);
        assertThat(results.get("best").get("value").asDouble()).isEqualTo(0.75);
        Tune4j.Result third = Tune4j.run(tmp, "ask", "--study", study.toString(), "--batch-strategy", "kriging-believer");
        assertThat(third.exit()).as(third.toString()).isZero();
        assertThat(Tune4j.parseJson(third.lastLine()).get("trial").asInt()).isEqualTo(3);
    }
}
