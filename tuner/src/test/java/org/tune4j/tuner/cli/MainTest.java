package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option validation at the command-line edge (nothing here trains or loads data). */
class MainTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @picocli.CommandLine.Command(name = "boom")
    private static final class Boom implements Runnable {
        private final Error error;

        Boom(Error error) {
            this.error = error;
        }

        @Override
        public void run() {
            throw error;
        }
    }

    private static Run runThrowing(Error error) {
        CommandLine cl = Main.commandLine().addSubcommand("boom", new Boom(error));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        return new Run(Main.execute(cl, "boom"), "", err.toString());
    }

    @Test
    void outOfMemoryAndStackOverflowGetOneLineNotATrace() {
        Run oom = runThrowing(new OutOfMemoryError("Java heap space"));
        assertThat(oom.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(oom.err()).startsWith("tune4j: out of memory (Java heap space; this JVM may use at most ")
                .contains("TUNE4J_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
        assertThat(oom.err().lines()).hasSize(1);

        Run deep = runThrowing(new StackOverflowError());
        assertThat(deep.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(deep.err()).startsWith("tune4j: stack overflow: the input nests too deeply");
        assertThat(deep.err().lines()).hasSize(1);
    }

    @Test
    void threadsAreBounded() {
        Run many = run("train", "--threads", "1000");
        assertThat(many.exit()).isEqualTo(2);
        assertThat(many.err()).startsWith("tune4j: --threads: expected 1 to 256 (this machine has ")
                .contains("found 1000");
        assertThat(run("train", "--threads", "0").err()).startsWith("tune4j: --threads: expected 1 to 256");
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Run r = run("train", "--epoch", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown options: '--epoch'").contains("Did you mean --epochs?");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"train", "evaluate", "predict", "tune", "report", "minimize", "ask", "tell"}) {
            Run r = run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: tune4j " + command);
        }
        assertThat(run("--version").out()).startsWith("tune4j ");
    }

    @Test
    void badTrainingOptionsAreUsageErrorsNamingTheOption() {
        Run lr = run("train", "--lr", "0");
        assertThat(lr.exit()).isEqualTo(2);
        assertThat(lr.err()).startsWith("tune4j: --lr: expected a learning rate > 0, found 0.0");

        assertThat(run("train", "--dense-nodes", "0").err())
                .startsWith("tune4j: --dense-nodes: expected at least 1, found 0");
        Run activation = run("train", "--activation", "swish");
        assertThat(activation.exit()).isEqualTo(2);
        assertThat(activation.err()).startsWith("tune4j: --activation: expected one of relu, sigmoid, tanh, found 'swish'");
        assertThat(run("train", "--limit", "0").err()).startsWith("tune4j: --limit: expected at least 1 image, found 0");
        Run conv = run("train", "--conv", "fft");
        assertThat(conv.exit()).isEqualTo(2);
        assertThat(conv.err()).startsWith("tune4j: Invalid value for option '--conv'").contains("expected one of auto, direct, im2col, "
                + "indirect-taps, indirect-channels, winograd, winograd-4x4, found 'fft'");
    }

    @Test
    void badStudyOptionsAreUsageErrors() {
        assertThat(run("tune", "--surrogate", "svm").err()).contains("gp, forest, extra-trees, random");
        assertThat(run("tune", "--acq", "UCB").err()).contains("EI, PI, LCB, hedge");
        assertThat(run("tune", "--initial-design", "grid").err()).contains("random, sobol, halton, lhs");
        assertThat(run("tune", "--kernels", "gpu").err()).contains("scalar, simd");
        Run xi = run("tune", "--xi", "-1", "--runs-dir", tmp.toString());
        assertThat(xi.exit()).isEqualTo(2);
        assertThat(xi.err()).startsWith("tune4j: --xi: expected a number >= 0, found -1.0");
        Run kappa = run("tune", "--kappa", "2", "--runs-dir", tmp.toString());
        assertThat(kappa.exit()).isEqualTo(2);
        assertThat(kappa.err()).startsWith("tune4j: --kappa: the acquisition function EI has no parameter kappa "
                + "(its parameters: xi)");
        assertThat(run("tune", "--acq", "hedge", "--acq-param", "eta=0", "--runs-dir", tmp.toString()).err())
                .startsWith("tune4j: --acq-param eta: expected a number > 0, found 0.0");
        assertThat(run("tune", "--surrogate", "forest", "--surrogate-param", "trees=2.5", "--runs-dir",
                tmp.toString()).err()).startsWith("tune4j: --surrogate-param trees: expected an integer >= 1, found 2.5");
        assertThat(run("tune", "--acq-param", "xi", "--runs-dir", tmp.toString()).exit()).isEqualTo(2);
        assertThat(run("tune", "--xi", "0.1", "--acq-param", "xi=0.2", "--runs-dir", tmp.toString()).err())
                .startsWith("tune4j: --xi and --acq-param xi both set xi; give one of them");
        Run name = run("tune", "--name", "../x", "--runs-dir", tmp.toString());
        assertThat(name.err()).startsWith("tune4j: --name: expected a plain directory name");
        Run batch = run("ask", "--study", tmp.resolve("s").toString(), "--batch-strategy", "cl-median");
        assertThat(batch.exit()).isEqualTo(2);
        assertThat(batch.err()).startsWith("tune4j: Invalid value for option '--batch-strategy'").contains(
                "expected one of cl-min, cl-mean, cl-max, kriging-believer, local-penalization, fantasies, found 'cl-median'");
        assertThat(Files.exists(tmp.resolve("s"))).isFalse();
    }

    @Test
    void theOptimizersHelpListsEveryRegisteredChoiceWithItsParameters() {
        for (String command : new String[] {"tune", "minimize", "ask"}) {
            String help = run(command, "--help").out();
            assertThat(help).as(command).contains("Acquisition functions (--acq; parameters by --acq-param):",
                    "  hedge        GP-hedge portfolio", "eta=1: softmax temperature of GP-hedge (a number > 0)",
                    "  extra-trees  extremely randomized trees", "min_leaf=3", "  lhs          Latin hypercube");
            assertThat(help).as(command).contains("Acquisition function: ").contains("EI, PI, LCB, hedge");
        }
        assertThat(run("train", "--help").out()).doesNotContain("Acquisition functions");
    }

    @Test
    void aBadSpaceFileIsAFailureNamingFileDimensionAndField() throws Exception {
        Path space = tmp.resolve("space.json");
        Files.writeString(space, "{\"learning_rate\": {\"type\": \"real\", \"low\": 0.1, \"high\": 0.01}}");
        Run r = run("tune", "--space", space.toString(), "--runs-dir", tmp.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("tune4j: space file " + space + ": dimension \"learning_rate\": field \"high\": "
                + "expected low < high, found low 0.1, high 0.01" + System.lineSeparator());

        Files.writeString(space, "{\"dropout\": {\"type\": \"real\", \"low\": 0.1, \"high\": 0.5}}");
        assertThat(run("tune", "--space", space.toString(), "--runs-dir", tmp.toString()).err())
                .contains("dimension \"dropout\" is not a hyper-parameter of the tutorial's network");
        assertThat(run("tune", "--space", tmp.resolve("missing.json").toString()).err())
                .isEqualTo("tune4j: space file " + tmp.resolve("missing.json") + ": no such file" + System.lineSeparator());
    }

    @Test
    void resumeRefusesOptionsThatWouldChangeTheStudy() {
        Run r = run("tune", "--resume", tmp.toString(), "--epochs", "2", "--acq", "PI");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot change them: --acq, --epochs");
        assertThat(run("tune", "--resume", tmp.resolve("nope").toString()).err())
                .contains("run directory " + tmp.resolve("nope") + " does not exist");
    }

    @Test
    void tellNeedsExactlyOneOutcome() {
        assertThat(run("tell", "--study", tmp.toString(), "--trial", "1").exit()).isEqualTo(2);
        assertThat(run("tell", "--study", tmp.toString(), "--trial", "1", "--value", "1", "--failed").exit()).isEqualTo(2);
        Run nan = run("tell", "--study", tmp.toString(), "--trial", "1", "--value", "NaN");
        assertThat(nan.exit()).isEqualTo(1);
        assertThat(nan.err()).startsWith("tune4j: --value: expected a finite number, found NaN");
    }

    @Test
    void aMissingModelFileIsNamed() {
        Run r = run("evaluate", tmp.resolve("none.t4j").toString(), "--dataset", tmp.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("tune4j: ").contains("none.t4j");
        assertThat(r.err()).doesNotContain("at org.");
    }
}
