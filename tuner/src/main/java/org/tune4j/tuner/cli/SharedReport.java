package org.tune4j.tuner.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.tuner.storage.AtomicFiles;
import org.tune4j.tuner.storage.DerivedFiles;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.PendingTrial;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.StudyFile;
import org.tune4j.tuner.storage.TrainingLog;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgBestModel;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.PgStudy;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.MinimizeStudy;
import org.tune4j.tuner.study.OptimizerReplay;
import org.tune4j.tuner.study.StudyDirectory;
import org.tune4j.tuner.study.TuneConfig;
import org.tune4j.tuner.study.TuneStudy;
import org.tune4j.tuner.study.TutorialSpace;

/**
 * {@code tune4j report --storage URL --name S --out DIR} and {@code tune4j copy URL --name S DIR}:
 * writes the study from the database into DIR as a run directory holds it (study.json, the journal
 * with every finished trial and, as asked trials, the running and queued ones; results.json with the
 * surrogate's expected minimum and the best model's test figures, trials.csv, each trial's
 * {@code logs/<dir>/training.csv}, and a tune study's best-model.t4j), where {@code report} draws
 * the plots and report.html as for a run directory. DIR must not hold another study.
 *
 * <p>Workers name their trials' log directories independently; two finished trials with the same
 * name (equal hyper-parameters as the name rounds them) get {@code _2}, {@code _3} ... in number
 * order, as one run directory would name them.
 */
final class SharedReport {
    private SharedReport() {
    }

    static Path export(StorageUrl url, String name, RunLayout dir) {
        PgDatabase db = StorageOptions.open(url);
        try {
            StudyDescription study = PgStudies.describe(db, name);
            PgStudy reader = new PgStudy(db, name, "report", Duration.ofDays(1), 0);
            List<TrialRecord> trials = distinctLogDirs(reader.finished());
            Map<Integer, PendingTrial> unfinished = reader.unfinished();
            Optional<PgBestModel.Stored> model = PgBestModel.read(db, name);
            StudyDirectory.requireNew(dir);
            Files.createDirectories(dir.root());
            StudyFile.write(dir.studyFile(), study);
            Journal journal = new Journal(dir.journal());
            trials.forEach(journal::appendFinished);
            unfinished.forEach((number, p) -> journal.appendAsked(number, p.params(), p.askedAt()));
            for (TrialRecord t : trials) {
                if (t.logDir() != null && !t.history().isEmpty()) {
                    Files.createDirectories(dir.logDir(t.logDir()));
                    TrainingLog.write(dir.logDir(t.logDir()), t.history());
                }
            }
            ResultsDocument.TestResult test = null;
            if (model.isPresent()) {
                AtomicFiles.write(dir.bestModel(), model.get().bytes());
                if (model.get().testAccuracy() != null) {
                    test = new ResultsDocument.TestResult(model.get().testAccuracy(), model.get().testLoss());
                }
            }
            DerivedFiles.write(dir, study, trials, expectedMinimum(study, trials).orElse(null), test);
            return dir.root();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.root() + ": " + e.getMessage(), e);
        } finally {
            db.close();
        }
    }

    /** The surrogate's expected minimum after the finished trials, as the study's last worker saw it. */
    private static Optional<ExpectedMinimum> expectedMinimum(StudyDescription study, List<TrialRecord> trials) {
        if (study.kind().equals(TuneStudy.KIND)) {
            TuneConfig config = TuneStudy.configOf(study);
            int given = TutorialSpace.defaultPoint(study.space(), config.batchSize()).isPresent() ? 1 : 0;
            return OptimizerReplay.rebuild(study.space(), config.optimizer(), given, trials).expectedMinimum();
        }
        if (study.kind().equals(MinimizeStudy.KIND)) {
            return OptimizerReplay.rebuild(study.space(), MinimizeStudy.configOf(study).optimizer(), 0, trials)
                    .expectedMinimum();
        }
        return Optional.empty();
    }

    /** The trials with a log directory named twice renamed {@code name_2}, {@code name_3} ..., in number order. */
    static List<TrialRecord> distinctLogDirs(List<TrialRecord> trials) {
        Set<String> used = new HashSet<>();
        List<TrialRecord> out = new ArrayList<>(trials.size());
        for (TrialRecord t : trials) {
            String logDir = t.logDir();
            if (logDir != null) {
                String base = logDir;
                for (int i = 2; used.contains(logDir); i++) {
                    logDir = base + "_" + i;
                }
                used.add(logDir);
            }
            out.add(logDir == null || logDir.equals(t.logDir()) ? t : new TrialRecord(t.number(), t.params(), t.value(),
                    t.state(), t.error(), t.seconds(), t.history(), logDir, t.reports(), t.pruneReason()));
        }
        return out;
    }
}
