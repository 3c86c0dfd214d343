package org.tune4j.tuner.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub/results.json");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new");

        assertThat(Files.readString(target)).isEqualTo("new");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailingWriterLeavesTheOldFileIntact() throws IOException {
        Path target = dir.resolve("model.t4j");
        AtomicFiles.writeString(target, "good model");

        assertThatThrownBy(() -> AtomicFiles.replace(target, temp -> {
            Files.writeString(temp, "half a mod");
            throw new IOException("disk full");
        })).hasMessageContaining("model.t4j").hasMessageContaining("disk full");

        assertThat(Files.readString(target)).isEqualTo("good model");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aWrittenFileHasTheDefaultPermissionsNotOwnerOnlyOnes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("made-by-the-user"));
        Path target = dir.resolve("results.json");

        AtomicFiles.writeString(target, "{}");

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
