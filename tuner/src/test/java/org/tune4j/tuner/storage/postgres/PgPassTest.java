package org.tune4j.tuner.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password file rules of the PostgreSQL 15 manual, section 34.16, checked line by line. */
class PgPassTest {
    private static final StorageUrl URL = new StorageUrl("tune4j", "db1", 5432, "studies");

    @TempDir
    Path home;

    @Test
    void pgpasswordComesFirst() throws Exception {
        write("db1:5432:studies:tune4j:from-file\n", "rw-------");
        assertThat(PgPass.password(URL, Map.of("PGPASSWORD", "from-env"), home, w -> { })).contains("from-env");
    }

    @Test
    void theFirstMatchingLineWinsAndStarsMatchAnything() {
        List<String> lines = List.of("# comment", "other:5432:studies:tune4j:no", "db1:5433:*:*:wrong-port",
                "*:5432:studies:*:yes", "db1:5432:studies:tune4j:too-late");
        assertThat(PgPass.lookup(lines, URL)).contains("yes");
    }

    @Test
    void escapedColonsAndBackslashesAreUnescaped() {
        assertThat(PgPass.lookup(List.of("db1:5432:studies:tune4j:pa\\:ss\\\\word"), URL)).contains("pa:ss\\word");
        StorageUrl odd = new StorageUrl("tune4j", "db1", 5432, "studies");
        assertThat(PgPass.lookup(List.of("db1:5432:stud\\ies:tune4j:x"), odd)).contains("x");
    }

    @Test
    void noMatchingLineIsNoPassword() {
        assertThat(PgPass.lookup(List.of("db1:5432:studies:someone-else:x", "too:few:fields"), URL)).isEmpty();
    }

    @Test
    void aFileReadableByOthersIsIgnoredWithAWarningThatShowsNoPassword() throws Exception {
        write("*:*:*:*:secret\n", "rw-r--r--");
        List<String> warnings = new ArrayList<>();
        assertThat(PgPass.password(URL, Map.of(), home, warnings::add)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("chmod 0600").doesNotContain("secret");
        Files.setPosixFilePermissions(home.resolve(".pgpass"), PosixFilePermissions.fromString("rw-------"));
        assertThat(PgPass.password(URL, Map.of(), home, warnings::add)).contains("secret");
    }

    @Test
    void pgpassfileNamesAnotherFile() throws Exception {
        Path other = home.resolve("elsewhere");
        Files.writeString(other, "db1:*:*:tune4j:there\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        assertThat(PgPass.password(URL, Map.of("PGPASSFILE", other.toString()), home, w -> { })).contains("there");
    }

    private void write(String text, String permissions) throws Exception {
        Path f = home.resolve(".pgpass");
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
    }
}
