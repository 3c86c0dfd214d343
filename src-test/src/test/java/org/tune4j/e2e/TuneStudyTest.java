package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune4j tune} on the committed MNIST fixture: a small study (4 calls of 1 epoch on 300
 * images) and what it leaves behind, then {@code evaluate}, {@code predict} and {@code report}
 * on its run directory.
 */
class TuneStudyTest {
    @TempDir
    static Path tmp;

    private static Tune4j.Result study;
    private static Path run;

    @BeforeAll
    static void runASmallStudy() throws Exception {
        study = Tune4j.run(tmp, "tune", "--dataset", Tune4j.MNIST_SMALL.toString(), "--limit", "300",
                "--epochs", "1", "--calls", "4", "--initial-points", "2", "--threads", "2", "--seed", "3",
                "--runs-dir", tmp.resolve("runs").toString(), "--name", "small");
        run = tmp.resolve("runs/small");
    }

    @Test
    void itPrintsEachCandidateAndItsAccuracyAsTheTutorialDoes() {
        assertThat(study.exit()).as(study.toString()).isZero();
        assertThat(study.out()).contains("learning rate: 1.0e-05\nnum_dense_layers: 1\nnum_dense_nodes: 16\nactivation: relu\n")
                .containsPattern("Accuracy: \\d+\\.\\d\\d%")
                .contains("Best validation accuracy: ")
                .contains("All trials, best first:")
                .contains("The surrogate's expected minimum")
                .contains("Test accuracy of the best model: ");
        assertThat(study.out().split("\nTrial ", -1)).hasSize(5);
        assertThat(study.err()).contains("Epoch 1/1").doesNotContain("Exception");
    }

    @Test
    void itLeavesEveryArtifact() throws Exception {
        assertThat(study.exit()).as(study.toString()).isZero();
        for (String file : new String[] {"journal.jsonl", "study.json", "results.json", "trials.csv", "best-model.t4j",
                "report.html", "logs/lr_1e-05_layers_1_nodes_16_relu/training.csv"}) {
            assertThat(run.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Tune4j.lines(run.resolve("journal.jsonl"))).hasSize(4);
        assertThat(Tune4j.lines(run.resolve("trials.csv"))).hasSize(5)
                .first().isEqualTo("number,state,value,learning_rate,num_dense_layers,num_dense_nodes,activation,seconds,error");
        assertThat(Tune4j.lines(run.resolve("logs/lr_1e-05_layers_1_nodes_16_relu/training.csv")))
                .hasSize(2)
                .first().isEqualTo("epoch,loss,accuracy,val_loss,val_accuracy,seconds");
        try (var plots = Files.list(run.resolve("plots"))) {
            assertThat(plots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void resultsJsonHoldsTrialsBestExpectedMinimumAndTest() throws Exception {
        JsonNode results = Tune4j.readJson(run.resolve("results.json"));
        assertThat(results.get("format").asInt()).isEqualTo(1);
        assertThat(results.get("config").get("calls").asInt()).isEqualTo(4);
        assertThat(results.get("space").fieldNames()).toIterable()
                .containsExactly("learning_rate", "num_dense_layers", "num_dense_nodes", "activation");
        JsonNode trials = results.get("trials");
        assertThat(trials).hasSize(4);
        double best = 0;
        for (int i = 0; i < 4; i++) {
            JsonNode t = trials.get(i);
            assertThat(t.get("number").asInt()).isEqualTo(i + 1);
            assertThat(t.get("state").asText()).isEqualTo("complete");
            assertThat(t.get("history")).hasSize(1);
            double valAccuracy = t.get("history").get(0).get("val_accuracy").asDouble();
            assertThat(t.get("value").asDouble()).isEqualTo(-valAccuracy);
            assertThat(run.resolve(t.get("log_dir").asText()).resolve("training.csv")).isRegularFile();
            best = Math.min(best, t.get("value").asDouble());
        }
        assertThat(trials.get(0).get("params").get("learning_rate").asDouble()).isEqualTo(1e-5);
        assertThat(results.get("best").get("value").asDouble()).isEqualTo(best);
        assertThat(results.get("expected_minimum").get("params").size()).isEqualTo(4);
        assertThat(results.get("expected_minimum").has("predicted_value")).isTrue();
        assertThat(results.get("test").get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(results.get("test").get("loss").asDouble()).isPositive();
    }

    @Test
    void theBestModelCanBeEvaluatedAndPredictWithAndTheReportRedrawn() throws Exception {
        Path model = run.resolve("best-model.t4j");
        Tune4j.Result evaluate = Tune4j.run(tmp, "evaluate", model.toString(), "--dataset",
                Tune4j.MNIST_SMALL.toString(), "--threads", "2", "--json");
        assertThat(evaluate.exit()).as(evaluate.toString()).isZero();
        assertThat(evaluate.out()).contains("Test accuracy: ").contains("true \\ predicted");
        double testAccuracy = Tune4j.readJson(run.resolve("results.json")).get("test").get("accuracy").asDouble();
        assertThat(Tune4j.parseJson(evaluate.lastLine()).get("test_accuracy").asDouble()).isEqualTo(testAccuracy);

        Path image = Tune4j.IMAGES_SMALL.resolve("digit1/img00.png");
        Tune4j.Result predict = Tune4j.run(tmp, "predict", model.toString(), image.toString(), "--threads", "1");
        assertThat(predict.exit()).as(predict.toString()).isZero();
        // the study stored MNIST's class names, "0".."9": each digit's name is its index
        assertThat(predict.out()).containsPattern("img00.png: (\\d) \\(class \\1, probability [01]\\.\\d{4}\\)");

        Files.delete(run.resolve("report.html"));
        Tune4j.Result report = Tune4j.run(tmp, "report", run.toString(), "--threads", "1");
        assertThat(report.exit()).as(report.toString()).isZero();
        assertThat(run.resolve("report.html")).isNotEmptyFile();
    }
}
