package org.tune4j.tuner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.JsonNode;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.JournalContents;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.PendingTrial;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.StudyFile;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgImport;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tune4j copy SOURCE TARGET --name S}: moves a study between a run directory and a
 * PostgreSQL database, either way (start on a laptop, continue on the cluster; or bring a shared
 * study home). Into the database ({@link PgImport}): the study's definition, every finished trial
 * with its state, history and intermediate values, trials asked and not told as queued ones, and
 * the best model with its test figures. Out of it ({@link SharedReport#export}): the same, as a run
 * directory's files (running and queued trials as asked ones in the journal). The source is only
 * read.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy a study between a run directory and a PostgreSQL database, either way:",
                "  tune4j copy RUN_DIR postgresql://USER@HOST[:PORT]/DB --name S",
                "  tune4j copy postgresql://USER@HOST[:PORT]/DB --name S RUN_DIR (a new directory)",
                "Workers started with --storage URL --name S continue a copied study; tune or minimize --resume "
                        + "continue a copied run directory."})
final class CopyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "A run directory, or postgresql://USER@HOST[:PORT]/DB.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "A postgresql://USER@HOST[:PORT]/DB URL, or a new "
            + "run directory.")
    String target;

    @Mixin
    StudyNameOption study;

    @picocli.CommandLine.Option(names = "--calls", paramLabel = "N", description = "Into a database: the study's new "
            + "budget of finished trials (default: the run directory's), for workers that continue it with --calls N.")
    Integer calls;

    @Override
    public Integer call() throws IOException {
        boolean fromDatabase = isUrl(source);
        if (fromDatabase == isUrl(target)) {
            throw new IllegalArgumentException("copy: expected one run directory and one postgresql://USER@HOST[:PORT]/DB"
                    + " URL, found \"" + source + "\" and \"" + target + "\"");
        }
        if (study.name == null || !study.name.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("--name: expected the study's name in the database (1 to 100 letters, "
                    + "digits, '_', '.', '-'), found " + (study.name == null ? "none" : "\"" + study.name + "\""));
        }
        if (fromDatabase) {
            if (calls != null) {
                throw new IllegalArgumentException("--calls: only when copying into a database (a run directory takes "
                        + "its new total from --resume ... --calls N)");
            }
            StorageUrl url = StorageUrl.parse(source, "SOURCE");
            Path dir = SharedReport.export(url, study.name, new RunLayout(Path.of(target)));
            System.out.printf(Locale.ROOT, "Copied study %s from %s to %s%n", study.name, url, dir);
        } else {
            toDatabase(new RunLayout(Path.of(source)), StorageUrl.parse(target, "TARGET"));
        }
        return 0;
    }

    private void toDatabase(RunLayout dir, StorageUrl url) throws IOException {
        if (!Files.isRegularFile(dir.studyFile())) {
            throw new IllegalArgumentException("run directory " + dir.root() + " holds no study ("
                    + RunLayout.STUDY + " missing)");
        }
        StudyDescription description = StudyFile.read(dir.studyFile());
        if (calls != null) {
            if (calls < 1 || !description.config().has("calls")) {
                throw new IllegalArgumentException("--calls: expected at least 1 for a study whose configuration records "
                        + "its calls, found " + calls + (description.config().has("calls") ? "" : " (this study records none)"));
            }
            com.fasterxml.jackson.databind.node.ObjectNode config = description.config().deepCopy();
            config.put("calls", calls);
            description = new StudyDescription(description.format(), description.kind(), description.created(), config,
                    description.space());
        }
        JournalContents contents = new Journal(dir.journal()).read(w -> System.err.println("tune4j: warning: " + w));
        List<TrialRecord> finished = contents.finished();
        Map<Integer, PendingTrial> pending = contents.pending();
        int calls = Math.max(description.config().path("calls").asInt(0), Math.max(1, finished.size()));
        PgImport.Model model = bestModel(dir, finished);
        PgDatabase db = StorageOptions.open(url);
        try {
            PgImport.write(db, study.name, description, calls, finished, pending, model);
        } finally {
            db.close();
        }
        System.out.printf(Locale.ROOT, "Copied %s to study %s in %s: %d finished trials, %d queued%s%n", dir.root(),
                study.name, url, finished.size(), pending.size(), model == null ? ""
                        : ", the best model (trial " + model.number() + ")");
    }

    /** The run directory's best model with its test figures from results.json, or null when it has none. */
    private static PgImport.Model bestModel(RunLayout dir, List<TrialRecord> finished) throws IOException {
        ResultsDocument.Best best = ResultsDocument.bestOf(finished);
        if (best == null || !Files.isRegularFile(dir.bestModel())) {
            return null;
        }
        JsonNode test = Files.isRegularFile(dir.results())
                ? Json.mapper().readTree(dir.results().toFile()).path("test") : null;
        boolean tested = test != null && test.has("accuracy") && test.has("loss");
        return new PgImport.Model(best.number(), best.value(), Files.readAllBytes(dir.bestModel()),
                tested ? test.get("accuracy").asDouble() : null, tested ? test.get("loss").asDouble() : null);
    }

    private static boolean isUrl(String text) {
        return text.startsWith("postgresql:") || text.startsWith("postgres:");
    }
}
