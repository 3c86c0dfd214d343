package org.tune4j.tuner.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.SpaceExhaustedException;
import org.tune4j.optimizer.prune.TrialReports;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.JournalContents;
import org.tune4j.tuner.storage.DerivedFiles;
import org.tune4j.tuner.storage.StorageException;
import org.tune4j.tuner.storage.StudyLock;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The ask/evaluate/tell loop shared by {@code tune} and {@code minimize}.
 *
 * <p>Per trial: take the next given point or ask the optimizer; evaluate; append the finished
 * trial to the journal (forced to disk); tell the optimizer; rewrite results.json and trials.csv.
 * Started on a run directory that already has trials, it first replays them
 * ({@link OptimizerReplay}) and carries on from there, so a killed study loses at most the trial
 * that was in flight. A run-directory file that cannot be written ({@link StorageException}: a
 * full disk) stops the study with one message; a trial whose only loss was its model file is
 * journaled with its real result first.
 *
 * <p>With a pruner ({@link StudyPlan#pruner()}), each trial gets a {@link TrialMonitor} that
 * judges its intermediate reports against those of every trial finished before it (journal
 * included, so a resumed study judges as the uninterrupted one would); a pruned trial is journaled
 * with its reports, state {@code pruned} and reason, and told to the optimizer like the others
 * ({@link OptimizerReplay}: its last intermediate value).
 */
public final class StudyLoop {
    private final StudyPlan run;
    private final TrialEvaluator evaluator;
    private final StudyListener listener;

    public StudyLoop(StudyPlan run, TrialEvaluator evaluator, StudyListener listener) {
        this.run = run;
        this.evaluator = evaluator;
        this.listener = listener;
    }

    /** What a finished (or exhausted) study holds. */
    public record Outcome(List<TrialRecord> trials, Optional<ExpectedMinimum> expectedMinimum) {
    }

    /** Runs until the study has {@code calls} trials (or the space is exhausted). */
    public Outcome run() {
        StudyLock lock = StudyLock.tryAcquire(run.dir().root());
        try {
            return runLocked();
        } finally {
            lock.close();
        }
    }

    /**
     * As {@link #runLoop()}; a file that cannot be written stops the study with a message saying
     * what the journal kept and that the study resumes.
     */
    private Outcome runLocked() {
        try {
            return runLoop();
        } catch (StorageException e) {
            throw new StorageException(e.getMessage() + "; the study stopped: every trial recorded in "
                    + run.dir().journal() + " is kept, resume the study once the run directory is writable again",
                    e.getCause());
        }
    }

    private Outcome runLoop() {
        Space space = run.description().space();
        Journal journal = new Journal(run.dir().journal());
        JournalContents contents = journal.read(listener::warning);
        List<TrialRecord> trials = new ArrayList<>(contents.finished());
        requireJournalOfResults(contents);
        if (trials.size() > run.calls()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the study in %s already has %d finished "
                    + "trials, more than the %d asked for; --calls is the study's new total: give --calls %d or more to "
                    + "continue it", run.dir().root(), trials.size(), run.calls(), trials.size() + 1));
        }
        Optimizer optimizer = OptimizerReplay.rebuild(space, run.optimizer(), run.givenPoints().size(), trials);
        if (!trials.isEmpty()) {
            listener.resumed(List.copyOf(trials), run.calls());
        }
        DerivedFiles.write(run.dir(), run.description(), trials, null, null); // a report can be drawn from the start
        int number = contents.lastNumber();
        while (trials.size() < run.calls()) {
            number++;
            List<Object> x;
            try {
                x = number <= run.givenPoints().size()
                        ? space.fromMap(run.givenPoints().get(number - 1))
                        : optimizer.ask();
            } catch (SpaceExhaustedException e) {
                listener.warning("stopping after " + trials.size() + " trials: " + e.getMessage());
                break;
            }
            Map<String, Object> params = space.toMap(x);
            listener.trialStarted(number, run.calls(), params);
            long started = System.nanoTime();
            TrialMonitor monitor = run.pruner() == null ? TrialMonitor.NONE
                    : TrialMonitor.of(number, run.pruner(), reportsOf(trials));
            TrialOutcome outcome;
            UnsavedModelException unsaved = null;
            try {
                outcome = evaluator.evaluate(new TrialRequest(number, params, monitor));
            } catch (UnsavedModelException e) {
                outcome = e.outcome();  // the trial's real result is journaled, then the study stops
                unsaved = e;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            TrialRecord trial = new TrialRecord(number, params, outcome.value(), outcome.state(), outcome.error(),
                    seconds, outcome.history(), outcome.logDir(),
                    monitor.records() ? monitor.reports() : outcome.reports(), outcome.pruneReason());
            journal.appendFinished(trial);
            if (unsaved != null) {
                throw new StorageException("trial " + number + " finished (its result is in the journal), but "
                        + unsaved.getMessage(), unsaved.getCause());
            }
            OptimizerReplay.tell(optimizer, x, trial);
            trials.add(trial);
            DerivedFiles.write(run.dir(), run.description(), trials, null, null);
            listener.trialFinished(trial);
        }
        Optional<ExpectedMinimum> expected = optimizer.expectedMinimum();
        DerivedFiles.write(run.dir(), run.description(), trials, expected.orElse(null), null);
        return new Outcome(trials, expected);
    }

    /** The finished trials' reports as a pruner reads them. */
    static List<TrialReports> reportsOf(List<TrialRecord> trials) {
        List<TrialReports> out = new ArrayList<>(trials.size());
        for (TrialRecord t : trials) {
            Map<Integer, Double> values = new TreeMap<>();
            t.reports().forEach(r -> values.put(r.step(), r.value()));
            out.add(TrialReports.of(t.number(), t.state(), values));
        }
        return out;
    }

    /**
     * Refuses to start over on an empty or missing journal when results.json lists trials: the
     * journal is the study's record, and writing results.json from an empty one would lose them.
     */
    private void requireJournalOfResults(JournalContents contents) {
        if (!contents.finished().isEmpty() || !contents.pending().isEmpty()) {
            return;
        }
        Path results = run.dir().results();
        int listed;
        try {
            listed = Files.exists(results) ? Json.mapper().readTree(results.toFile()).path("trials").size() : 0;
        } catch (IOException unreadable) {
            return; // results.json is derived: an unreadable one is rewritten from the journal
        }
        if (listed > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s lists %d trials but the journal %s is empty "
                    + "or missing; the journal is the study's record: restore it (results.json is rewritten from it), "
                    + "or start a new run", results, listed, run.dir().journal()));
        }
    }
}
