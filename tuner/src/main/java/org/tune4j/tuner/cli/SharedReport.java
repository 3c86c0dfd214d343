package org.tune4j.tuner.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.tune4j.tuner.storage.DerivedFiles;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.StudyFile;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgStudy;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.StudyDirectory;

/**
 * {@code tune4j report --storage URL --name S --out DIR}: writes the study's study.json,
 * results.json and trials.csv from the database into DIR, where {@code report} draws the plots and
 * report.html as for a run directory. DIR must not hold another study.
 */
final class SharedReport {
    private SharedReport() {
    }

    static Path export(StorageUrl url, String name, RunLayout dir) {
        PgDatabase db = StorageOptions.open(url);
        try {
            StudyDescription study = PgStudy.describe(db, name);
            List<TrialRecord> trials = new PgStudy(db, name, "report", Duration.ofDays(1), 0).finished();
            StudyDirectory.requireNew(dir);
            Files.createDirectories(dir.root());
            StudyFile.write(dir.studyFile(), study);
            DerivedFiles.write(dir, study, trials, null, null);
            return dir.root();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.root() + ": " + e.getMessage(), e);
        } finally {
            db.close();
        }
    }
}
