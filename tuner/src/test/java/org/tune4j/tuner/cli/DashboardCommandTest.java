package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tune4j dashboard}'s bad input: one line naming the option and what was expected (the server itself: dashboard tests). */
class DashboardCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return new Run(Main.execute(cl, args), err.toString());
    }

    @Test
    void storageIsNotSupportedYet() {
        Run r = run("dashboard", "--storage", "postgresql://db/tune4j");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("tune4j: --storage postgresql://db/tune4j: not supported yet");
    }

    @Test
    void runDirectoriesOrARunsDirectoryNotBoth() {
        Run r = run("dashboard", "--runs-dir", tmp.toString(), tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("tune4j: give either RUN_DIR... or --runs-dir, not both");
    }

    @Test
    void badPortAndBindAreUsageErrors() {
        Run port = run("dashboard", "--port", "70000", "--runs-dir", tmp.toString());
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).startsWith("tune4j: --port: expected 0..65535, found 70000");
        Run bind = run("dashboard", "--bind", "no such host.invalid", "--runs-dir", tmp.toString());
        assertThat(bind.exit()).isEqualTo(2);
        assertThat(bind.err()).startsWith("tune4j: --bind: expected an IP address or host name of this machine, found 'no such host.invalid'");
    }

    @Test
    void aDirectoryThatIsNotARunIsOneLine() {
        Run r = run("dashboard", "--port", "0", tmp.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).startsWith("tune4j: RUN_DIR " + tmp + ": expected a tune4j run directory");
        assertThat(r.err().lines()).hasSize(1);
    }
}
