package org.tune4j.tuner.storage;

import java.nio.file.Path;

/**
 * The layout of a run directory ({@code runs/<name>/}): the one place that names each file of a
 * study, and where it lives.
 *
 * @param root the run directory
 */
public record RunLayout(Path root) {
    /** The study's description, written once when it starts ({@link StudyFile}). */
    public static final String STUDY = "study.json";
    /** The append-only record of every trial, the source of truth ({@link Journal}). */
    public static final String JOURNAL = "journal.jsonl";
    /** Every trial and the best so far, rewritten after each trial ({@link ResultsFile}). */
    public static final String RESULTS = "results.json";
    /** One row per trial for spreadsheets ({@link TrialsCsv}). */
    public static final String TRIALS_CSV = "trials.csv";
    /** The best model so far, saved by the tutorial study. */
    public static final String BEST_MODEL = "best-model.t4j";
    /** The self-contained report drawn from {@link #RESULTS}. */
    public static final String REPORT = "report.html";
    /** The file a running study holds a lock on, so two processes never write one study. */
    public static final String LOCK = ".lock";
    /** Training logs of all trials live under this sub-directory, one directory per trial. */
    public static final String LOGS = "logs";
    /** A trial's per-epoch log inside its log directory ({@link TrainingLog}). */
    public static final String TRAINING_LOG = "training.csv";

    public Path journal() {
        return root.resolve(JOURNAL);
    }

    public Path studyFile() {
        return root.resolve(STUDY);
    }

    public Path results() {
        return root.resolve(RESULTS);
    }

    public Path trialsCsv() {
        return root.resolve(TRIALS_CSV);
    }

    /** The best model so far, saved by the tutorial study. */
    public Path bestModel() {
        return root.resolve(BEST_MODEL);
    }

    public Path report() {
        return root.resolve(REPORT);
    }

    public Path lock() {
        return root.resolve(LOCK);
    }

    /** The directory of a trial's training log, from its {@code log_dir} (relative to the root). */
    public Path logDir(String relative) {
        return root.resolve(relative);
    }
}
