package org.tune4j.tuner.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;

/**
 * Brings {@code results.json} and {@code trials.csv} up to the journal before a report is drawn.
 * The study writes the journal first and the derived files after it, so a run killed in between
 * (kill -9, a power cut) has a results.json that lags the journal by one trial; the journal is the
 * record, so the report must not show less than it holds. Nothing is written when the derived
 * files already list every finished trial, when there is no journal, or while a study holds the
 * run directory's lock (that study rewrites them itself).
 */
public final class ResultsCatchUp {
    private ResultsCatchUp() {
    }

    /**
     * Rewrites the derived files of {@code dir} from its journal when they list fewer trials.
     *
     * @param note told one line when the files were rewritten
     * @return true when they were rewritten
     */
    public static boolean run(RunLayout dir, Consumer<String> note) {
        if (!Files.isRegularFile(dir.journal()) || !Files.isRegularFile(dir.studyFile())) {
            return false;
        }
        List<TrialRecord> finished = new Journal(dir.journal()).read(w -> { }).finished();
        int listed = listedTrials(dir);
        if (finished.size() <= listed) {
            return false;
        }
        StudyLock lock;
        try {
            lock = StudyLock.tryAcquire(dir.root());
        } catch (IllegalStateException running) {
            return false;
        }
        try (lock) {
            DerivedFiles.write(dir, StudyFile.read(dir.studyFile()), finished, null, null);
        }
        note.accept(dir.results() + " listed " + listed + " of the journal's " + finished.size()
                + " finished trials (a study stopped between the two writes): rewritten from the journal");
        return true;
    }

    private static int listedTrials(RunLayout dir) {
        if (!Files.isRegularFile(dir.results())) {
            return 0;
        }
        try {
            return Json.mapper().readTree(dir.results().toFile()).path("trials").size();
        } catch (IOException unreadable) {
            return 0;  // derived: an unreadable results.json is rebuilt from the journal
        }
    }
}
