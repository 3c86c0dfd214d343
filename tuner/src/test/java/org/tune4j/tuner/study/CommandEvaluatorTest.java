package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.TrialState;

class CommandEvaluatorTest {
    @TempDir
    Path tmp;

    private TrialOutcome run(String script, List<String> output) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("x", 0.5);
        params.put("k", "p");
        return new CommandEvaluator(List.of("sh", "-c", script), tmp, output::add)
                .evaluate(new TrialRequest(3, params));
    }

    @Test
    void theParamsGoToStdinAndTheLastLineIsTheValue() {
        List<String> output = new ArrayList<>();
        TrialOutcome outcome = run("read line; echo \"got $line\"; echo \"trial $TUNE4J_TRIAL\"; echo; echo 0.125", output);

        assertThat(outcome.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(outcome.value()).isEqualTo(0.125);
        assertThat(output).containsExactly("got {\"x\":0.5,\"k\":\"p\"}", "trial 3", "", "0.125");
    }

    @Test
    void aFailingCommandIsAFailedTrialWithoutValue() {
        TrialOutcome outcome = run("echo 1.0; exit 3", new ArrayList<>());
        assertThat(outcome.state()).isEqualTo(TrialState.FAILED);
        assertThat(outcome.value()).isNull();
        assertThat(outcome.error()).isEqualTo("command exited with status 3");
    }

    @Test
    void noNumberOnTheLastLineIsAFailedTrial() {
        assertThat(run("echo 0.5; echo done", new ArrayList<>()).error())
                .isEqualTo("expected a number on the last line of the command's output, found \"done\"");
        assertThat(run("true", new ArrayList<>()).error()).contains("printed nothing");
        assertThat(run("echo NaN", new ArrayList<>()).error()).contains("expected a finite number");
    }

    @Test
    void aMissingProgramIsAFailedTrial() {
        TrialOutcome outcome = new CommandEvaluator(List.of("/nonexistent/objective"), tmp, s -> { })
                .evaluate(new TrialRequest(1, Map.of("x", 1.0)));
        assertThat(outcome.state()).isEqualTo(TrialState.FAILED);
        assertThat(outcome.error()).startsWith("cannot run /nonexistent/objective");
    }

    @Test
    void javaLiteralsThatPythonRefusesAreNotNumbers() {
        assertThat(run("echo 5d", new ArrayList<>()).error())
                .isEqualTo("expected a number on the last line of the command's output, found \"5d\"");
        assertThat(run("echo 0x1p3", new ArrayList<>()).state()).isEqualTo(TrialState.FAILED);
        assertThat(run("echo 1_000.5", new ArrayList<>()).value()).isEqualTo(1000.5);
    }

    @Test
    void anOverlongLastLineIsAFailedTrialNotAnOutOfMemoryError() {
        List<String> output = new ArrayList<>();
        TrialOutcome outcome = run("head -c 3000000 /dev/zero | tr '\\0' 7", output);
        assertThat(outcome.state()).isEqualTo(TrialState.FAILED);
        assertThat(outcome.error()).isEqualTo("the last line of the command's output is longer than "
                + CommandEvaluator.LINE_LIMIT + " characters; expected a number");
        assertThat(output).hasSize(1);
        assertThat(output.get(0)).endsWith("[line cut at " + CommandEvaluator.LINE_LIMIT + " characters]");
    }

    @Test
    void aTrialPastItsTimeoutIsStoppedWithItsChildProcessesAndFailed() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        long started = System.nanoTime();
        TrialOutcome outcome = new CommandEvaluator(List.of("sh", "-c", "sleep 300 & echo $! > child.pid; wait"), tmp,
                s -> { }, java.time.Duration.ofMillis(700)).evaluate(new TrialRequest(4, Map.of("x", 1.0)));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(outcome.state()).isEqualTo(TrialState.FAILED);
        assertThat(outcome.error()).isEqualTo("the command ran past the trial timeout of 0.7 s and was stopped");
        assertThat(seconds).as("seconds until the trial ended").isLessThan(30);
        long child = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
        assertThat(ProcessState.stops(child, 10)).as("the child sleep is gone").isTrue();
    }

    @Test
    void aQuickTrialIsNotCutByItsTimeout() {
        TrialOutcome outcome = new CommandEvaluator(List.of("sh", "-c", "echo 2.5"), tmp, s -> { },
                java.time.Duration.ofSeconds(60)).evaluate(new TrialRequest(5, Map.of("x", 1.0)));
        assertThat(outcome.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(outcome.value()).isEqualTo(2.5);
    }
}
