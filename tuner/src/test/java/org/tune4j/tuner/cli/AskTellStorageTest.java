package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgSchema;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.TestDatabase;
import picocli.CommandLine;

/**
 * {@code tune4j ask --storage URL --name S} and {@code tune4j tell --storage URL --name S} through
 * the CLI against the real PostgreSQL ({@link TestDatabase}): the run directory's output format,
 * a trial without a lease never lost, one with a lease re-queued after it, and the one-line
 * refusals (unknown trial, a trial told twice, a study of another kind, a new study without a space).
 */
class AskTellStorageTest {
    private static final String SPACE = """
            {"x": {"type": "real", "low": -2, "high": 2}, "y": {"type": "real", "low": -2, "high": 2}}""";

    @TempDir
    Path tmp;

    private String url;
    private String name;
    private Path space;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void study() throws Exception {
        url = TestDatabase.text();
        name = "asktell-" + System.nanoTime();
        space = Files.writeString(tmp.resolve("space.json"), SPACE);
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(cl, args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }

    private JsonNode ask(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("ask", "--storage", url, "--name", name));
        args.addAll(List.of(extra));
        Run r = run(args.toArray(new String[0]));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        return Json.mapper().readTree(r.out());
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql.replace("$S", "'" + name + "'"))) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    @Test
    void askPrintsTheRunDirectorysLineAndTellRecordsOnceWithOneLineRefusals() throws Exception {
        JsonNode first = ask("--space", space.toString(), "--initial-points", "2");
        JsonNode second = ask();
        assertThat(first.get("trial").asInt()).isEqualTo(1);
        assertThat(second.get("trial").asInt()).isEqualTo(2);
        assertThat(first.get("params").fieldNames()).toIterable().containsExactly("x", "y");
        assertThat(second.get("params")).isNotEqualTo(first.get("params"));
        // no lease: running until told, never silent
        assertThat(rows("SELECT number || ' ' || state || ' ' || (heartbeat = 'infinity') FROM tune4j_trial "
                + "WHERE study = $S ORDER BY number")).containsExactly("1 running true", "2 running true");

        Run told = run("tell", "--storage", url, "--name", name, "--trial", "1", "--value", "0.5");
        assertThat(told.exit()).as(told.err()).isZero();
        assertThat(told.out()).isEqualTo("trial 1: complete 0.5" + System.lineSeparator());
        assertThat(run("tell", "--storage", url, "--name", name, "--trial", "2", "--failed").out())
                .startsWith("trial 2: failed");
        assertThat(rows("SELECT state FROM tune4j_trial WHERE study = $S ORDER BY number"))
                .containsExactly("complete", "failed");
        JsonNode third = ask();  // with a complete and a failed trial told
        assertThat(third.get("trial").asInt()).isEqualTo(3);

        Run again = run("tell", "--storage", url, "--name", name, "--trial", "1", "--value", "0.1");
        assertThat(again.exit()).isNotZero();
        assertThat(again.err()).isEqualTo("tune4j: --trial: trial 1 of study \"" + name + "\" in " + url
                + " already has a result (complete 0.5); a trial is told once" + System.lineSeparator());
        Run unknown = run("tell", "--storage", url, "--name", name, "--trial", "9", "--value", "0.1");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).isEqualTo("tune4j: --trial: study \"" + name + "\" in " + url + " has no trial 9 "
                + "(its trials are 1..3)" + System.lineSeparator());
        Run nan = run("tell", "--storage", url, "--name", name, "--trial", "3", "--value", "NaN");
        assertThat(nan.exit()).isNotZero();
        assertThat(nan.err()).contains("--value: expected a finite number, found NaN").doesNotContain("\tat ");
    }

    @Test
    void aTrialWhoseLeaseRanOutIsLostAndItsPointHandedOutAgain() throws Exception {
        String[] fast = {"--heartbeat", "0.5", "--grace", "2"};  // a grace period of 1 s
        JsonNode first = ask("--space", space.toString(), "--lease", "1", fast[0], fast[1], fast[2], fast[3]);
        Thread.sleep(2500);  // the lease (1 s) and the noticing ask's grace (1 s) are over
        JsonNode again = ask(fast);
        assertThat(again.get("trial").asInt()).isEqualTo(first.get("trial").asInt());
        assertThat(again.get("params")).isEqualTo(first.get("params"));
        assertThat(rows("SELECT state || ' ' || handed_out FROM tune4j_trial WHERE study = $S"))
                .containsExactly("running 2");
        assertThat(run("tell", "--storage", url, "--name", name, "--trial", "1", "--value", "1.5").exit()).isZero();
    }

    @Test
    void aStudyOfAnotherKindOrANewOneWithoutASpaceIsRefusedInOneLine() throws Exception {
        Run none = run("ask", "--storage", url, "--name", name);
        assertThat(none.exit()).isNotZero();
        assertThat(none.err()).isEqualTo("tune4j: --name: study \"" + name + "\" does not exist in " + url + " yet: "
                + "give --space SPACE.json to create it" + System.lineSeparator());

        PgDatabase db = TestDatabase.open(TestDatabase.url());
        try {
            PgSchema.ensure(db);
            Space parsed = SpaceFile.fromJson(Json.mapper().readTree(SPACE), "space");
            PgStudies.openOrCreate(db, name, "minimize", Json.mapper().createObjectNode(), parsed, 10);
        } finally {
            db.close();
        }
        for (String[] args : List.of(new String[] {"ask", "--storage", url, "--name", name},
                new String[] {"tell", "--storage", url, "--name", name, "--trial", "1", "--value", "1"})) {
            Run r = run(args);
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).startsWith("tune4j: --name: study \"" + name + "\" in " + url + " was made by "
                    + "\"minimize\", not by ask;");
            assertThat(r.err().lines()).hasSize(1);
        }
        Run lease = run("ask", "--study", tmp.resolve("dir").toString(), "--space", space.toString(), "--lease", "5");
        assertThat(lease.exit()).isNotZero();
        assertThat(lease.err()).contains("--lease: only with --storage");
    }
}
