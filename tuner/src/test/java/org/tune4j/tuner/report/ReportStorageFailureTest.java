package org.tune4j.tuner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuner.storage.StorageException;

/** A report that cannot be written fails with one message naming the file and leaves no partial file. */
class ReportStorageFailureTest {
    @TempDir
    Path tmp;

    @Test
    void anUnwritableReportPageFailsCleanlyAndLeavesNoPartialFile() throws IOException {
        Path run = Fixtures.runDir(tmp, "blocked", Fixtures.resultsJson());
        Files.createDirectories(run.resolve("report.html").resolve("occupied"));  // as a full disk: no file there

        assertThatThrownBy(() -> ReportWriter.write(run))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot write " + run.resolve("report.html").toAbsolutePath());
        try (Stream<Path> files = Files.walk(run)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".partial") || n.endsWith(".tmp"));
        }
    }

    @Test
    void anUnwritablePlotFailsCleanlyNamingIt() throws IOException {
        Path run = Fixtures.runDir(tmp, "blocked-plot", Fixtures.resultsJson());
        Files.createDirectories(run.resolve(ReportWriter.PLOTS_DIR).resolve("convergence.png").resolve("occupied"));

        assertThatThrownBy(() -> ReportWriter.write(run))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("convergence.png");
        try (Stream<Path> files = Files.walk(run)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".partial") || n.endsWith(".tmp"));
        }
        assertThat(run.resolve("report.html")).doesNotExist();
    }
}
