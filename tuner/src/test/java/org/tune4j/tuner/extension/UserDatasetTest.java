package org.tune4j.tuner.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.io.SavedModel;
import org.tune4j.tuner.cli.Main;

/**
 * A new dataset is one class plus one services line: {@link Stripes}, registered in this test
 * class path only, is listed by {@code train --help} and trained on through the CLI by its name.
 */
class UserDatasetTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out) {
    }

    /** Runs the CLI with System.out captured (the commands print their figures there). */
    private static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void helpListsItBesideTheBuiltIns() {
        Run help = run("train", "--help");
        assertThat(help.exit()).isZero();
        // the registered names in class path order (test classes first), then the directory fallback
        String option = help.out().substring(help.out().indexOf("--dataset=NAME|DIR "), help.out().indexOf("(default: mnist)"));
        assertThat(option.replaceAll("\\s+", " "))
                .isEqualTo("--dataset=NAME|DIR stripes, mnist, fashion-mnist, or a directory (MNIST-named IDX files,"
                        + " or one sub-folder of images per class) ");
    }

    @Test
    void trainTakesItByName() throws Exception {
        Path model = tmp.resolve("stripes.t4j");
        Run r = run("train", "--dataset", "Stripes", "--epochs", "3", "--batch-size", "16", "--lr", "0.003",
                "--dense-nodes", "8", "--threads", "1", "--save", model.toString(), "--json");

        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Training on 240 images, validating on 60");
        String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        JsonNode figures = new ObjectMapper().readTree(last);
        assertThat(figures.get("val_accuracy").asDouble()).isGreaterThan(0.9);
        SavedModel saved = ModelFile.read(model);
        assertThat(saved.classNames()).isEqualTo(Stripes.CLASS_NAMES);
        assertThat(saved.model().inputShape().dims()).containsExactly(1, 12, 12);
    }

    @Test
    void trainTakesARegisteredGradientOptimizerByName() throws Exception {
        Run r = run("train", "--dataset", "stripes", "--optimizer", "SGD", "--epochs", "3", "--batch-size", "16",
                "--lr", "0.05", "--dense-nodes", "8", "--threads", "1", "--json");

        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("sgd lr 0.05");
        JsonNode figures = new ObjectMapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(figures.get("optimizer").asText()).isEqualTo("sgd");
        assertThat(figures.get("val_accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(run("train", "--help").out()).contains("Gradient optimizer: adam, sgd");
        assertThat(run("train", "--optimizer", "nadam").exit()).isEqualTo(2);
    }
}
