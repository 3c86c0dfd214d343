package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.prune.PercentilePruner;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.study.Pruning;
import org.tune4j.tuner.study.TuneConfig;

/** --prune, --prune-param and --report-every: bad settings refused naming the option, the help, the files. */
class PruneOptionsTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        picocli.CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void badPruningSettingsAreRefusedNamingTheOption() throws Exception {
        String runs = tmp.toString();
        Run unknown = run("tune", "--prune", "early", "--runs-dir", runs);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--prune").contains("unknown pruner 'early'; expected one of ")
                .contains("none, median, percentile, asha, hyperband");
        assertThat(run("tune", "--prune", "asha", "--prune-param", "reduction_factor=1", "--runs-dir", runs).err())
                .startsWith("tune4j: --prune-param reduction_factor: expected an integer >= 2, found 1.0");
        assertThat(run("tune", "--prune", "median", "--prune-param", "warmup_steps=-1", "--runs-dir", runs).err())
                .startsWith("tune4j: --prune-param warmup_steps: expected an integer >= 0, found -1.0");
        assertThat(run("tune", "--prune", "median", "--prune-param", "eta=3", "--runs-dir", runs).err())
                .startsWith("tune4j: --prune-param eta: the pruner median has no parameter eta (its parameters: "
                        + "warmup_steps, min_trials)");
        assertThat(run("tune", "--prune-param", "warmup_steps=1", "--runs-dir", runs).err())
                .startsWith("tune4j: --prune-param: no pruner to take it; give --prune NAME");
        Run zero = run("tune", "--report-every", "0", "--runs-dir", runs);
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).startsWith("tune4j: --report-every: expected a fraction of an epoch, 0 < F <= 1, found 0.0");
        assertThat(run("tune", "--report-every", "1.5", "--runs-dir", runs).err()).contains("--report-every");
        assertThat(run("tune", "--prune", "hyperband", "--prune-param", "min_resource=20", "--runs-dir", runs).err())
                .startsWith("tune4j: --prune hyperband: pruner hyperband: expected 1 <= min_resource <= max_resource");
        Path space = tmp.resolve("space.json");
        java.nio.file.Files.writeString(space, "{\"x\": {\"type\": \"real\", \"low\": 0, \"high\": 1}}");
        assertThat(run("minimize", "--space", space.toString(), "--out", tmp.resolve("m").toString(), "--prune",
                "hyperband", "--", "true").err())
                .contains("--prune hyperband: pruner hyperband, parameter max_resource");
        assertThat(run("tune", "--resume", runs, "--prune", "median").err())
                .contains("these options cannot change them: --prune");
    }

    @Test
    void theHelpListsThePrunersWithTheirParameters() {
        for (String command : new String[] {"tune", "minimize"}) {
            String help = run(command, "--help").out();
            assertThat(help).as(command).contains("--prune=PRUNER", "--prune-param=NAME=VALUE",
                    "Pruners (--prune; parameters by --prune-param; steps are reports):",
                    "  asha ", "reduction_factor=3: ", "(an integer >= 2)", "  hyperband ", "warmup_steps=0");
        }
        assertThat(run("tune", "--help").out()).contains("--report-every=F");
        assertThat(run("minimize", "--help").out()).contains("tune4j-report STEP VALUE");
        assertThat(run("ask", "--help").out()).doesNotContain("Pruners");
    }

    @Test
    void studyJsonRecordsThePruningAndLeavesTheDefaultOut() throws Exception {
        TuneConfig plain = TuneConfig.tutorial(2);
        assertThat(Json.mapper().valueToTree(plain).has("pruning")).isFalse();
        TuneConfig pruned = plain.withPruning(new Pruning(new PrunerConfig(new PercentilePruner.Median(),
                java.util.Map.of("warmup_steps", 2.0)), 0.25));
        var json = Json.mapper().valueToTree(pruned);
        assertThat(json.get("pruning").toString()).isEqualTo("{\"pruner\":{\"name\":\"median\",\"parameters\":"
                + "{\"warmup_steps\":2,\"min_trials\":5}},\"report_every\":0.25}");
        assertThat(Json.mapper().treeToValue(json, TuneConfig.class)).isEqualTo(pruned);
        assertThat(Json.mapper().treeToValue(Json.mapper().valueToTree(plain), TuneConfig.class)).isEqualTo(plain);
    }
}
