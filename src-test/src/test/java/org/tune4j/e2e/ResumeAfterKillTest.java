package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study killed with SIGKILL in the middle of a trial resumes with {@code --resume}, losing at
 * most the trial in flight, and a finished study takes more calls with {@code --calls N --resume}.
 */
class ResumeAfterKillTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledStudyResumesAndFinishesWithTheRightNumberOfTrials() throws Exception {
        Path runs = tmp.resolve("runs");
        Path run = runs.resolve("killed");
        Path journal = run.resolve("journal.jsonl");
        Process study = Tune4j.start(tmp, "first", "tune", "--dataset", Tune4j.MNIST_SMALL.toString(),
                "--limit", "400", "--epochs", "2", "--calls", "4", "--initial-points", "2", "--threads", "1",
                "--runs-dir", runs.toString(), "--name", "killed", "--no-report");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(journal) && Tune4j.lines(journal).size() >= 1) && study.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(100); // inside trial 2
        assertThat(study.isAlive()).as("the study is still running when killed").isTrue();
        study.destroyForcibly().waitFor();
        int done = Tune4j.lines(journal).size();
        assertThat(done).isBetween(1, 3);

        Tune4j.Result resumed = Tune4j.run(tmp, "tune", "--resume", run.toString(), "--threads", "2", "--no-report");

        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("Resuming: " + done + " of 4 trials already done");
        JsonNode trials = Tune4j.readJson(run.resolve("results.json")).get("trials");
        assertThat(numbers(trials)).containsExactly(1, 2, 3, 4);
        assertThat(trials.get(0).get("params").get("learning_rate").asDouble()).isEqualTo(1e-5);
        assertThat(Tune4j.lines(journal)).hasSize(4);

        Tune4j.Result more = Tune4j.run(tmp, "tune", "--resume", run.toString(), "--calls", "5", "--threads", "2",
                "--no-report");
        assertThat(more.exit()).as(more.toString()).isZero();
        assertThat(more.out()).contains("Resuming: 4 of 5 trials already done").contains("Trial 5/5");
        assertThat(numbers(Tune4j.readJson(run.resolve("results.json")).get("trials"))).containsExactly(1, 2, 3, 4, 5);
        assertThat(Tune4j.readJson(run.resolve("results.json")).get("test").get("accuracy").isNumber()).isTrue();
    }

    @Test
    void aJournalLineCutShortByACrashIsIgnoredWithAWarning() throws Exception {
        Path runs = tmp.resolve("runs");
        Path run = runs.resolve("torn");
        Tune4j.Result first = Tune4j.run(tmp, "tune", "--dataset", Tune4j.MNIST_SMALL.toString(), "--limit", "200",
                "--epochs", "1", "--calls", "2", "--threads", "2", "--runs-dir", runs.toString(), "--name", "torn",
                "--no-report");
        assertThat(first.exit()).as(first.toString()).isZero();
        Path journal = run.resolve("journal.jsonl");
        List<String> lines = Tune4j.lines(journal);
        Files.writeString(journal, lines.get(0) + "\n" + lines.get(1).substring(0, lines.get(1).length() / 2));

        Tune4j.Result resumed = Tune4j.run(tmp, "tune", "--resume", run.toString(), "--threads", "2", "--no-report");

        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("warning: journal").contains("cut short");
        assertThat(resumed.out()).contains("Resuming: 1 of 2 trials already done");
        assertThat(numbers(Tune4j.readJson(run.resolve("results.json")).get("trials"))).containsExactly(1, 2);
        assertThat(Tune4j.lines(journal)).hasSize(2);
    }

    private static List<Integer> numbers(JsonNode trials) {
        List<Integer> out = new ArrayList<>();
        trials.forEach(t -> out.add(t.get("number").asInt()));
        return out;
    }
}
