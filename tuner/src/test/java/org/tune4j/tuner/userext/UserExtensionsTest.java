package org.tune4j.tuner.userext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.cli.Main;
import org.tune4j.tuner.registry.OptimizerExtensions;
import org.tune4j.tuner.storage.Json;

/**
 * A user's own acquisition function, surrogate and initial design, each one class plus one line
 * in a test-scope {@code META-INF/services} file, used through their names: on the command line
 * ({@code tune4j minimize --acq staircase ...}) and through the registries.
 */
class UserExtensionsTest {
    @TempDir
    Path tmp;

    private static final String SPACE = """
            {"x": {"type": "integer", "low": 0, "high": 100}, "y": {"type": "integer", "low": 0, "high": 100}}
            """;

    /** Runs the real CLI's Main with System.out captured; returns the exit code. */
    private static int tune4j(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return Main.execute(args);
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void aTestScopeAcquisitionFunctionIsUsedThroughItsCliName() throws Exception {
        Path space = Files.writeString(tmp.resolve("space.json"), SPACE);
        Path run = tmp.resolve("run");
        int exit = tune4j("minimize", "--space", space.toString(), "--calls", "6", "--out", run.toString(),
                "--acq", "staircase", "--acq-param", "offset=10", "--initial-design", "centre",
                "--initial-points", "1", "--no-report", "--", "sh", "-c", "cat > /dev/null; echo 1.5");
        assertThat(exit).isZero();

        JsonNode results = Json.mapper().readTree(Files.readString(run.resolve("results.json")));
        List<String> points = new ArrayList<>();
        results.get("trials").forEach(t -> points.add(t.get("params").get("x") + "," + t.get("params").get("y")));
        // trial 1: the centre design; trial 2: a random draw (a surrogate needs two values); then
        // the staircase, y = 100 - used points - offset 10
        assertThat(points.get(0)).isEqualTo("50,50");
        assertThat(points.subList(2, 6)).containsExactly("100,88", "100,87", "100,86", "100,85");

        JsonNode optimizer = Json.mapper().readTree(Files.readString(run.resolve("study.json")))
                .get("config").get("optimizer");
        assertThat(optimizer.get("acquisition").asText()).isEqualTo("staircase");
        assertThat(optimizer.get("acquisition_parameters").get("offset").asInt()).isEqualTo(10);
        assertThat(optimizer.get("initial_design").asText()).isEqualTo("centre");
    }

    @Test
    void aTestScopePrunerIsUsedThroughItsCliName() throws Exception {
        Path space = Files.writeString(tmp.resolve("space.json"), SPACE);
        Path run = tmp.resolve("pruned-run");
        // the command reports x twice, then prints x: the ceiling pruner stops every trial with x > 50 at step 1
        int exit = tune4j("minimize", "--space", space.toString(), "--calls", "6", "--out", run.toString(),
                "--prune", "ceiling", "--prune-param", "ceiling=50", "--no-report", "--", "sh", "-c",
                "read l; x=$(echo \"$l\" | sed 's/.*\"x\":\\([0-9]*\\).*/\\1/'); "
                        + "echo \"tune4j-report 1 $x\"; echo \"tune4j-report 2 $x\"; echo $x");
        JsonNode results = Json.mapper().readTree(Files.readString(run.resolve("results.json")));
        int pruned = 0;
        for (JsonNode t : results.get("trials")) {
            int x = t.get("params").get("x").asInt();
            assertThat(t.get("state").asText()).as("x = %d", x).isEqualTo(x > 50 ? "pruned" : "complete");
            assertThat(t.get("reports").size()).isEqualTo(x > 50 ? 1 : 2);
            if (x > 50) {
                pruned++;
                assertThat(t.get("prune_reason").asText()).isEqualTo("after step 1: " + (double) x
                        + " > ceiling 50.0 of 0 trials at this step");
            }
        }
        assertThat(pruned).isPositive();
        assertThat(exit).isEqualTo(results.has("best") ? 0 : 1);
        JsonNode pruner = Json.mapper().readTree(Files.readString(run.resolve("study.json"))).get("config").get("pruner");
        assertThat(pruner.get("name").asText()).isEqualTo("ceiling");
        assertThat(pruner.get("parameters").get("ceiling").asInt()).isEqualTo(50);
        assertThat(OptimizerExtensions.pruners().names()).contains("ceiling", "none", "median", "asha");
    }

    @Test
    void testScopeExtensionsAreListedBesideTheBuiltIns() {
        assertThat(OptimizerExtensions.acquisitions().names()).contains("staircase", "EI", "PI", "LCB", "hedge");
        assertThat(OptimizerExtensions.surrogates().names()).contains("flat", "gp", "forest", "extra-trees", "random");
        assertThat(OptimizerExtensions.designs().names()).contains("centre", "random", "sobol", "halton", "lhs");
    }

    @Test
    void aTestScopeSurrogateIsFittedThroughItsRegisteredName() {
        Space space = new Space(List.of(new IntegerDimension("x", 0, 100), new IntegerDimension("y", 0, 100)));
        OptimizerConfig config = OptimizerConfig.defaults().withInitialPoints(2)
                .withSurrogate(OptimizerExtensions.surrogates().get("FLAT"))
                .withInitialDesign(OptimizerExtensions.designs().get("centre"));
        Optimizer optimizer = new Optimizer(space, config);
        for (int i = 0; i < 4; i++) {
            List<Object> x = optimizer.ask();
            optimizer.tell(x, (Integer) x.get(0) + 0.5 * (Integer) x.get(1));
        }
        assertThat(optimizer.result().trials().get(0).x()).isEqualTo(List.of(50, 50));
        assertThat(optimizer.surrogate()).get().isInstanceOf(FlatSurrogate.class);
        assertThat(optimizer.predict(List.of(0, 0)).orElseThrow().std()).isEqualTo(1.0);
        assertThat(optimizer.result().trials()).hasSize(4);
    }
}
