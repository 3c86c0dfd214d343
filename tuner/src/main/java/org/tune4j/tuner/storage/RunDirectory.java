package org.tune4j.tuner.storage;

import java.nio.file.Path;

/**
 * The layout of a run directory ({@code runs/<name>/}): where each file of a study lives.
 *
 * @param root the run directory
 */
public record RunDirectory(Path root) {
    /** Training logs of all trials live under this sub-directory, one directory per trial. */
    public static final String LOGS = "logs";

    public Path journal() {
        return root.resolve(Journal.FILE_NAME);
    }

    public Path studyFile() {
        return root.resolve(StudyFile.FILE_NAME);
    }

    public Path results() {
        return root.resolve(ResultsFile.FILE_NAME);
    }

    public Path trialsCsv() {
        return root.resolve(TrialsCsv.FILE_NAME);
    }

    /** The best model so far, saved by the tutorial study. */
    public Path bestModel() {
        return root.resolve("best-model.t4j");
    }

    /** The directory of a trial's training log, from its {@code log_dir} (relative to the root). */
    public Path logDir(String relative) {
        return root.resolve(relative);
    }
}
