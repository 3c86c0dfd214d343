package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pruning study on the small fixture: killed with SIGKILL after a trial was pruned, it resumes
 * with {@code --resume}; the pruned trial stays pruned with its reports, the one in flight re-runs,
 * and every file shows the pruned state.
 */
class PrunedResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledPruningStudyKeepsItsPrunedTrialsOnResume() throws Exception {
        Path runs = tmp.resolve("runs");
        Path run = runs.resolve("pruned");
        Path journal = run.resolve("journal.jsonl");
        // percentile 10 of the complete trials, from the first complete one on: most trials are pruned
        Process study = Tune4j.start(tmp, "first", "tune", "--dataset", Tune4j.MNIST_SMALL.toString(),
                "--limit", "400", "--epochs", "1", "--batch-size", "50", "--calls", "8", "--initial-points", "4",
                "--threads", "1",
                "--report-every", "0.25", "--prune", "percentile", "--prune-param", "percentile=10",
                "--prune-param", "min_trials=1", "--runs-dir", runs.toString(), "--name", "pruned", "--no-report");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(journal) && Files.readString(journal).contains("\"state\":\"pruned\""))
                && study.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(study.isAlive()).as("the study is still running when killed").isTrue();
        study.destroyForcibly().waitFor();
        List<String> before = Tune4j.lines(journal);
        assertThat(before.size()).isBetween(2, 7);
        String pruned = before.stream().filter(l -> l.contains("\"state\":\"pruned\"")).findFirst().orElseThrow();

        Tune4j.Result resumed = Tune4j.run(tmp, "tune", "--resume", run.toString(), "--threads", "1");

        assertThat(resumed.exit()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("Resuming: " + before.size() + " of 8 trials already done");
        List<String> after = Tune4j.lines(journal);
        assertThat(after).hasSize(8);
        assertThat(after.subList(0, before.size())).isEqualTo(before);   // pruned stays pruned, reports and all
        JsonNode prunedTrial = Tune4j.parseJson(pruned).get("trial");
        assertThat(prunedTrial.get("reports").size()).isBetween(1, 3);
        assertThat(prunedTrial.get("prune_reason").asText()).contains("percentile").contains("epoch");
        assertThat(prunedTrial.get("value").asDouble())
                .isEqualTo(prunedTrial.get("reports").get(prunedTrial.get("reports").size() - 1).get("value").asDouble());

        JsonNode results = Tune4j.readJson(run.resolve("results.json"));
        assertThat(results.get("trials")).hasSize(8);
        assertThat(results.get("config").get("pruning").get("pruner").get("name").asText()).isEqualTo("percentile");
        for (JsonNode t : results.get("trials")) {
            assertThat(t.get("reports").size()).as("trial %s", t.get("number")).isGreaterThan(0);
            assertThat(t.get("reports").get(0).get("epochs").asDouble()).isEqualTo(0.25);
        }
        assertThat(results.get("best").get("number").asInt()).isNotEqualTo(prunedTrial.get("number").asInt());
        String csv = Files.readString(run.resolve("trials.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",seconds,error,reports,prune_reason");
        assertThat(csv).contains(",pruned,");
        assertThat(resumed.out()).contains("pruned");
        String html = Files.readString(run.resolve("report.html"));
        assertThat(html).contains("<h2>Pruned trials</h2>");
    }
}
