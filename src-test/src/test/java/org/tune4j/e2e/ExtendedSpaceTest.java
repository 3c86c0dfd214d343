package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercises 4 and 5 of the tutorial: a space file with the conv layers' kernel size and filters,
 * the batch size and the number of conv layers (dimensions left out, such as the learning rate,
 * take the tutorial's defaults). Depths that 2x2 pooling makes impossible on 28x28 images (5 or
 * more conv layers) are failed trials with the builder's reason; the others train.
 */
class ExtendedSpaceTest {
    @TempDir
    Path tmp;

    @Test
    void convolutionHyperParametersAreSearchedAndImpossibleDepthsFail() throws Exception {
        Path space = tmp.resolve("conv-space.json");
        Files.writeString(space, """
                {"num_conv_layers": {"type": "integer", "low": 1, "high": 6},
                 "kernel_size": {"type": "integer", "low": 3, "high": 5},
                 "conv1_filters": {"type": "integer", "low": 2, "high": 4},
                 "conv2_filters": {"type": "integer", "low": 2, "high": 4},
                 "batch_size": {"type": "integer", "low": 32, "high": 64},
                 "num_dense_nodes": {"type": "integer", "low": 8, "high": 16}}
                """);
        Path runs = tmp.resolve("runs");

        Tune4j.Result study = Tune4j.run(tmp, "tune", "--space", space.toString(), "--dataset",
                Tune4j.MNIST_SMALL.toString(), "--limit", "200", "--epochs", "1", "--calls", "4",
                "--initial-points", "4", "--seed", "3", "--threads", "2", "--runs-dir", runs.toString(),
                "--name", "conv", "--no-report");

        assertThat(study.exit()).as(study.toString()).isZero();
        assertThat(study.out()).contains("num_conv_layers: ").contains("kernel_size: ").contains("batch_size: ");
        JsonNode trials = Tune4j.readJson(runs.resolve("conv/results.json")).get("trials");
        assertThat(trials).hasSize(4);
        int failed = 0;
        for (JsonNode t : trials) {
            JsonNode p = t.get("params");
            if (p.get("num_conv_layers").asInt() >= 5) {
                assertThat(t.get("state").asText()).as(t.toString()).isEqualTo("failed");
                assertThat(t.get("error").asText()).contains("conv layers").contains("need an input of at least");
                failed++;
            } else {
                assertThat(t.get("state").asText()).as(t.toString()).isEqualTo("complete");
                String logDir = t.get("log_dir").asText();
                assertThat(logDir).startsWith("logs/lr_1e-05_layers_1_nodes_" + p.get("num_dense_nodes").asInt() + "_relu")
                        .contains("_kernel_" + p.get("kernel_size").asInt())
                        .contains("_conv1_" + p.get("conv1_filters").asInt())
                        .contains("_batch_" + p.get("batch_size").asInt())
                        .contains("_convs_" + p.get("num_conv_layers").asInt());
                assertThat(runs.resolve("conv").resolve(logDir).resolve("training.csv")).isRegularFile();
            }
        }
        assertThat(failed).as("impossible depths in seed 3's design (one of four)").isBetween(1, 3);
    }
}
