package org.tune4j.tuner.study;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.BatchStrategy;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.JournalContents;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.OptimizerJson;
import org.tune4j.tuner.storage.PendingTrial;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.DerivedFiles;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.StudyLock;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * A study driven one step per process ({@code tune4j ask} / {@code tune4j tell}): each step
 * locks the run directory, rebuilds the optimizer from the journal, and appends one line.
 *
 * <p>Trials asked and not yet told are pending. To give distinct points to parallel workers,
 * {@code ask} re-asks the optimizer once per pending trial before asking for the new one (the
 * optimizer then treats them as pending at the lies of the ask's {@link BatchStrategy}, by default
 * the constant liar's lowest value). During the initial design this re-creates
 * the pending points exactly; later it approximates them, so the new point is also checked
 * against the recorded pending points.
 */
public final class AskTellStudy {
    /** The {@code kind} recorded in study.json. */
    public static final String KIND = "ask-tell";

    private AskTellStudy() {
    }

    /** A trial handed out by {@link #ask}. */
    public record Asked(int trial, Map<String, Object> params) {
    }

    /**
     * Hands out the next trial, creating the study when the directory has none.
     *
     * @param space    the space (required to create the study; compared when it exists), or null
     * @param settings optimizer settings for a new study (ignored when it exists)
     */
    public static Asked ask(RunLayout dir, Space space, OptimizerConfig settings, StudyListener listener) {
        return ask(dir, space, settings, Optimizer.DEFAULT_BATCH, listener);
    }

    /**
     * As {@link #ask(RunLayout, Space, OptimizerConfig, StudyListener)}, with the pending trials
     * treated as observed at the lies of {@code batch} ({@link Optimizer#ask(int, BatchStrategy)}):
     * in the re-asks that stand for them and in the ask of the new point. The strategy is an
     * argument of this ask only, not recorded in the study; give the same one to every ask of a
     * study so that the re-asks approximate the pending points as they were asked.
     */
    public static Asked ask(RunLayout dir, Space space, OptimizerConfig settings, BatchStrategy batch,
            StudyListener listener) {
        StudyLock lock = StudyLock.acquire(dir.root());
        try {
            StudyDescription study = openOrCreate(dir, space, settings);
            OptimizerConfig recorded = settingsOf(study);
            Space typed = study.space();
            Journal journal = new Journal(dir.journal());
            JournalContents contents = journal.read(listener::warning);
            Optimizer optimizer = OptimizerReplay.rebuild(typed, recorded, 0, contents.finished());
            List<List<Object>> pendingPoints = new ArrayList<>();
            for (PendingTrial p : contents.pending().values()) {
                pendingPoints.add(typed.fromMap(p.params()));
                optimizer.ask(1, batch);
            }
            List<Object> x = optimizer.ask(1, batch).get(0);
            for (int tries = 0; pendingPoints.contains(x) && tries < 100; tries++) {
                x = optimizer.ask(1, batch).get(0);
            }
            int number = contents.lastNumber() + 1;
            Map<String, Object> params = typed.toMap(x);
            journal.appendAsked(number, params, Instant.now());
            return new Asked(number, params);
        } finally {
            lock.close();
        }
    }

    /**
     * Records the outcome of pending trial {@code number}: a finite value, or (value null) a failure.
     *
     * @throws IllegalArgumentException for an unknown or already told trial, or a non-finite value
     */
    public static TrialRecord tell(RunLayout dir, int number, Double value, StudyListener listener) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("--value: expected a finite number, found " + value
                    + " (use --failed for a trial that failed)");
        }
        StudyLock lock = StudyLock.acquire(dir.root());
        try {
            StudyDescription study = StudyDirectory.open(dir, KIND, null);
            Journal journal = new Journal(dir.journal());
            JournalContents contents = journal.read(listener::warning);
            if (contents.finishedTrial(number).isPresent()) {
                throw new IllegalArgumentException("trial " + number + " of " + dir.root() + " was already told");
            }
            PendingTrial pending = contents.pending().get(number);
            if (pending == null) {
                throw new IllegalArgumentException("trial " + number + " of " + dir.root() + " is unknown: it was never "
                        + "asked for (pending trials: " + contents.pending().keySet() + ")");
            }
            double seconds = Math.max(0, Duration.between(pending.askedAt(), Instant.now()).toMillis() / 1e3);
            TrialRecord trial = value == null
                    ? new TrialRecord(number, pending.params(), null, TrialState.FAILED, "reported failed by tell", seconds,
                            List.of(), null)
                    : new TrialRecord(number, pending.params(), value, TrialState.COMPLETE, null, seconds, List.of(), null);
            journal.appendFinished(trial);
            List<TrialRecord> trials = new ArrayList<>(contents.finished());
            trials.add(trial);
            DerivedFiles.write(dir, study, trials, null, null);
            return trial;
        } finally {
            lock.close();
        }
    }

    private static StudyDescription openOrCreate(RunLayout dir, Space space, OptimizerConfig settings) {
        if (Files.exists(dir.studyFile())) {
            return StudyDirectory.open(dir, KIND, space);
        }
        if (space == null) {
            throw new IllegalArgumentException("study " + dir.root() + " does not exist yet: give --space SPACE.json to "
                    + "create it");
        }
        return StudyDirectory.create(dir, KIND, Json.mapper().valueToTree(settings), space);
    }

    private static OptimizerConfig settingsOf(StudyDescription study) {
        try {
            return OptimizerJson.config(study.config());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("study.json field \"config\": not optimizer settings (" + e.getMessage()
                    + ")", e);
        }
    }
}
