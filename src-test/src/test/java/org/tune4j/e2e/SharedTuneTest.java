package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuner.storage.postgres.TestDatabase;

/**
 * {@code tune4j tune --storage postgresql://... --name S}: two worker processes of the tutorial's
 * study on the committed MNIST subset share one study in a real PostgreSQL; then, with nothing but
 * the database, {@code report --storage --out DIR} writes the run-directory files, and
 * {@code evaluate --storage} and {@code predict --storage} use the study's best model, agreeing
 * with the study's best trial and with the model file the report wrote. The database comes from
 * {@code TUNE4J_TEST_STORAGE} (password in {@code PGPASSWORD}), which {@code .ci/run} sets; without
 * it the test is skipped, except under {@code CI=true}, where it fails.
 */
class SharedTuneTest {
    private static final int CALLS = 4;

    @TempDir
    Path tmp;

    private String url;
    private String study;

    @BeforeEach
    void database() {
        url = TestDatabase.text();
        study = "tune-e2e-" + System.nanoTime();
    }

    @Test
    void twoTuneWorkersShareTheBudgetAndTheDatabaseServesReportEvaluateAndPredict() throws Exception {
        List<Process> workers = List.of(start("w0", worker()), start("w1", worker()));
        for (int w = 0; w < 2; w++) {
            assertThat(workers.get(w).waitFor(240, TimeUnit.SECONDS)).as("worker %d ended", w).isTrue();
            assertThat(workers.get(w).exitValue()).as(Tune4j.output(tmp, "w" + w)).isZero();
        }
        List<Integer> numbers = new ArrayList<>();
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT number, state FROM tune4j_trial WHERE study = '" + study
                     + "' ORDER BY number")) {
            while (r.next()) {
                numbers.add(r.getInt(1));
                assertThat(r.getString(2)).as("trial %d", r.getInt(1)).isIn("complete", "failed");
            }
        }
        assertThat(numbers).as("exactly the budget, numbered 1..%d", CALLS).containsExactly(1, 2, 3, 4);
        long ran0 = trialsStarted("w0");
        long ran1 = trialsStarted("w1");
        assertThat(List.of(ran0, ran1)).as("trials run by each worker").allMatch(n -> n > 0);
        assertThat(ran0 + ran1).isEqualTo(CALLS);
        assertThat(Files.readString(tmp.resolve("w0.out")) + Files.readString(tmp.resolve("w1.out")))
                .containsOnlyOnce("] Trial 1/4: learning rate: 1.0e-05, num_dense_layers: 1, num_dense_nodes: 16, "
                        + "activation: relu");  // the tutorial's x0, once, first

        Tune4j.Result report = Tune4j.run(tmp, "report", "--storage", url, "--name", study, "--out", "exported");
        assertThat(report.exit()).as(report.toString()).isZero();
        Path dir = tmp.resolve("exported");
        JsonNode results = Tune4j.readJson(dir.resolve("results.json"));
        assertThat(results.get("kind").asText()).isEqualTo("tune");
        assertThat(results.get("trials")).hasSize(CALLS);
        int best = results.get("best").get("number").asInt();
        double testAccuracy = results.get("test").get("accuracy").asDouble();
        for (String file : List.of("study.json", "trials.csv", "best-model.t4j", "report.html", "plots/convergence.png",
                "plots/confusion-matrix.png")) {
            assertThat(dir.resolve(file)).as(file).isRegularFile();
        }
        for (JsonNode t : results.get("trials")) {
            assertThat(dir.resolve(t.get("log_dir").asText()).resolve("training.csv")).as("trial %s's training log",
                    t.get("number")).isRegularFile();
        }

        Tune4j.Result evaluate = Tune4j.run(tmp, "evaluate", "--storage", url, "--name", study, "--threads", "1",
                "--json");
        assertThat(evaluate.exit()).as(evaluate.toString()).isZero();
        assertThat(evaluate.out()).contains("Model: the best model of study " + study + " (trial " + best + ",");
        assertThat(Tune4j.parseJson(evaluate.lastLine()).get("test_accuracy").asDouble()).as("the workers' test figure")
                .isEqualTo(testAccuracy);

        Path image = Tune4j.IMAGES_SMALL.resolve("digit2/img00.png");
        Tune4j.Result fromDatabase = Tune4j.run(tmp, "predict", "--storage", url, "--name", study, image.toString());
        Tune4j.Result fromFile = Tune4j.run(tmp, "predict", dir.resolve("best-model.t4j").toString(), image.toString());
        assertThat(fromDatabase.exit()).as(fromDatabase.toString()).isZero();
        assertThat(fromFile.exit()).as(fromFile.toString()).isZero();
        assertThat(fromDatabase.lastLine()).as("the same model").isEqualTo(fromFile.lastLine()).contains("probability");
    }

    @Test
    void aWorkerWithOtherStudyOptionsOrBadWorkersIsRefusedInOneLine() throws Exception {
        Tune4j.Result first = Tune4j.run(tmp, "tune", "--storage", url, "--name", study, "--dataset",
                Tune4j.MNIST_SMALL.toString(), "--limit", "300", "--calls", "1", "--epochs", "1", "--threads", "1",
                "--no-report");
        assertThat(first.exit()).as(first.toString()).isZero();
        refused("exists with another configuration: field \"epochs\": recorded 1, given 2", "tune", "--storage", url,
                "--name", study, "--dataset", Tune4j.MNIST_SMALL.toString(), "--limit", "300", "--calls", "1",
                "--epochs", "2");
        Tune4j.Result otherThreads = Tune4j.run(tmp, "tune", "--storage", url, "--name", study, "--dataset",
                Tune4j.MNIST_SMALL.toString(), "--limit", "300", "--calls", "1", "--epochs", "1", "--threads", "2");
        assertThat(otherThreads.exit()).as("threads are each worker's own: " + otherThreads).isZero();
        assertThat(otherThreads.out()).contains("Best validation accuracy");
        refused("--workers: expected 1..64, found 0", "tune", "--storage", url, "--name", study, "--workers", "0");
        refused("--workers: runs several workers of a study in a database", "tune", "--workers", "2");
        refused("--resume: not with --storage", "tune", "--storage", url, "--name", study, "--resume", "runs/x");
    }

    private void refused(String expected, String... args) throws Exception {
        Tune4j.Result r = Tune4j.run(tmp, args);
        assertThat(r.exit()).as(r.toString()).isNotZero();
        List<String> ours = r.err().lines().filter(l -> !l.startsWith("WARNING: ") && !l.startsWith("Try 'tune4j"))
                .toList();  // the JVM's incubator notice, and picocli's pointer to --help after an option error
        assertThat(ours).as(r.toString()).hasSize(1);
        assertThat(ours.get(0)).startsWith("tune4j: ").contains(expected).doesNotContain("Exception");
    }

    private List<String> worker() {
        return List.of("tune", "--storage", url, "--name", study, "--dataset", Tune4j.MNIST_SMALL.toString(),
                "--calls", Integer.toString(CALLS), "--epochs", "1", "--threads", "1", "--heartbeat", "1");
    }

    private long trialsStarted(String name) throws Exception {
        return Files.readAllLines(tmp.resolve(name + ".out")).stream()
                .filter(l -> l.matches("\\[worker 1] Trial \\d+/" + CALLS + ": .*")).count();
    }

    private Process start(String name, List<String> args) throws Exception {
        ProcessBuilder b = new ProcessBuilder(Tune4j.command(args.toArray(String[]::new))).directory(tmp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        b.environment().remove("TUNE4J_STORAGE");
        return b.start();
    }
}
