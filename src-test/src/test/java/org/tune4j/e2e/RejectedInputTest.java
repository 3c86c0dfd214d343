package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad options and bad space files are refused before any training, with one line naming the
 * option, file, dimension or field and what was expected: exit 2 for usage errors, 1 otherwise,
 * and no stack trace.
 */
class RejectedInputTest {
    @TempDir
    Path tmp;

    private Tune4j.Result run(String... args) throws Exception {
        Tune4j.Result r = Tune4j.run(tmp, args);
        assertThat(r.err()).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        return r;
    }

    @Test
    void badTrainingOptionsAreUsageErrors() throws Exception {
        Tune4j.Result lr = run("train", "--lr", "0");
        assertThat(lr.exit()).isEqualTo(2);
        assertThat(lr.err()).contains("tune4j: --lr: expected a learning rate > 0, found 0.0");

        Tune4j.Result activation = run("train", "--activation", "swish", "--dense-nodes", "16");
        assertThat(activation.exit()).isEqualTo(2);
        assertThat(activation.err()).contains("--activation").contains("expected one of relu, sigmoid, tanh, found 'swish'");
    }

    @Test
    void badSpaceFilesAreRefusedNamingFileDimensionAndField() throws Exception {
        Path space = tmp.resolve("space.json");
        Files.writeString(space, "{\"num_dense_layers\": {\"type\": \"integer\", \"low\": 5, \"high\": 1}}");
        Tune4j.Result order = run("tune", "--space", space.toString(), "--runs-dir", tmp.toString());
        assertThat(order.exit()).isEqualTo(1);
        assertThat(order.err().lines()).contains("tune4j: space file " + space
                + ": dimension \"num_dense_layers\": field \"high\": expected low < high, found low 5, high 1");

        Files.writeString(space, "{\"num_filters\": {\"type\": \"integer\", \"low\": 4, \"high\": 64}}");
        Tune4j.Result unknown = run("tune", "--space", space.toString(), "--runs-dir", tmp.toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("dimension \"num_filters\" is not a hyper-parameter of the tutorial's network")
                .contains("conv1_filters");

        Files.writeString(space, "{\"activation\": {\"type\": \"categorical\", \"categories\": \"relu\"}}");
        assertThat(run("minimize", "--space", space.toString(), "--out", tmp.resolve("m").toString(), "--", "true").err())
                .contains("dimension \"activation\": field \"categories\": expected an array of strings");

        Files.writeString(space, "{\"learning_rate\": {\"type\": \"real\", \"low\": 1e-6");
        assertThat(run("ask", "--study", tmp.resolve("s").toString(), "--space", space.toString()).err())
                .contains("space file " + space + ": not valid JSON");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }

    @Test
    void badStudyOptionsAreUsageErrors() throws Exception {
        Tune4j.Result surrogate = run("tune", "--surrogate", "svm");
        assertThat(surrogate.exit()).isEqualTo(2);
        assertThat(surrogate.err()).contains("'--surrogate'").contains("gp, forest, extra-trees, random");

        Tune4j.Result calls = run("tune", "--calls", "0", "--runs-dir", tmp.toString());
        assertThat(calls.exit()).isEqualTo(2);
        assertThat(calls.err()).contains("--calls: expected at least 1, found 0");

        Tune4j.Result dataset = run("tune", "--dataset", tmp.resolve("nowhere").toString(), "--runs-dir",
                tmp.resolve("runs").toString(), "--name", "x");
        assertThat(dataset.exit()).isEqualTo(1);
        assertThat(dataset.err()).contains("unknown dataset").contains("nowhere");
        assertThat(tmp.resolve("runs/x/study.json")).doesNotExist();
    }
}
