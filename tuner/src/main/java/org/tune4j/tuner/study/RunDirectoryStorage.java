package org.tune4j.tuner.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.SpaceExhaustedException;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.DerivedFiles;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.JournalContents;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StorageException;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.StudyLock;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * A study in a run directory ({@link StudyStorage}'s embedded backend): one process holds it
 * ({@link StudyLock}), its record is the journal, and one live optimizer makes its points.
 *
 * <p>{@link #begin} locks the directory, reads the journal and replays its finished trials into a
 * fresh optimizer ({@link OptimizerReplay}), so a killed study resumes where it was and loses at
 * most the trial in flight. {@link #next} first rewrites results.json and trials.csv from the
 * trials so far ({@link DerivedFiles}: a report can be drawn from the start and after every
 * trial), then hands out the next given point (the tutorial's x0) or the optimizer's ask under
 * the next number; {@link #record} appends the finished trial to the journal (forced to disk) and
 * tells it to the optimizer; {@link #end} writes the derived files once more with the expected
 * minimum. There are no heartbeats: nothing else runs the study's trials.
 */
public final class RunDirectoryStorage implements StudyStorage {
    private final RunLayout dir;
    private final StudyDescription description;
    private final OptimizerConfig config;
    private final List<Map<String, Object>> givenPoints;
    private StudyLock lock;
    private Journal journal;
    private Optimizer optimizer;
    private final List<TrialRecord> trials = new ArrayList<>();
    private int number;             // the last number handed out (or journaled)
    private List<Object> asked;     // the point of trial `number`, as the optimizer is told it

    /**
     * @param dir         the run directory (study.json already written)
     * @param description the study as recorded in study.json
     * @param givenPoints points evaluated first, before any ask (the tutorial's x0), by name
     */
    public RunDirectoryStorage(RunLayout dir, StudyDescription description, OptimizerConfig config,
                               List<Map<String, Object>> givenPoints) {
        this.dir = dir;
        this.description = description;
        this.config = config;
        this.givenPoints = List.copyOf(givenPoints);
    }

    /**
     * {@code logs/<dir>/training.csv} and {@code best-model.t4j}, the best so far known from the
     * journal's trials; a warning when the best trial's model is missing (it could not be saved).
     */
    @Override
    public TrialArtifacts artifacts(List<String> classNames, StudyListener listener) {
        List<TrialRecord> previous = new Journal(dir.journal()).read(w -> { }).finished();
        BestModel best = new BestModel(dir.bestModel(), previous, classNames);
        if (!Files.exists(dir.bestModel()) && previous.stream().anyMatch(t -> t.state() == TrialState.COMPLETE)) {
            listener.warning(dir.bestModel() + " is missing (the best trial's model could not be saved): a later "
                    + "trial that beats the best saves its model; until then there are no test figures");
        }
        return new RunDirectoryArtifacts(dir, best);
    }

    @Override
    public void begin(int calls, StudyListener listener) {
        lock = StudyLock.tryAcquire(dir.root());
        journal = new Journal(dir.journal());
        JournalContents contents = journal.read(listener::warning);
        trials.addAll(contents.finished());
        requireJournalOfResults(contents);
        if (trials.size() > calls) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the study in %s already has %d finished "
                    + "trials, more than the %d asked for; --calls is the study's new total: give --calls %d or more to "
                    + "continue it", dir.root(), trials.size(), calls, trials.size() + 1));
        }
        optimizer = OptimizerReplay.rebuild(description.space(), config, givenPoints.size(), trials);
        if (!trials.isEmpty()) {
            listener.resumed(List.copyOf(trials), calls);
        }
        number = contents.lastNumber();
    }

    @Override
    public Next next(int calls, StudyListener listener) {
        DerivedFiles.write(dir, description, trials, null, null);
        if (trials.size() >= calls) {
            return new Done(List.copyOf(trials));
        }
        Space space = description.space();
        List<Object> x;
        try {
            x = number < givenPoints.size() ? space.fromMap(givenPoints.get(number)) : optimizer.ask();
        } catch (SpaceExhaustedException e) {
            listener.warning("stopping after " + trials.size() + " trials: " + e.getMessage());
            return new Done(List.copyOf(trials));
        }
        number++;
        asked = x;
        return new Claim(number, space.toMap(x), List.copyOf(trials));
    }

    @Override
    public Optional<Duration> heartbeat() {
        return Optional.empty();
    }

    @Override
    public boolean beat(int number) {
        return true;
    }

    @Override
    public boolean release(int number) {
        return false;
    }

    @Override
    public boolean record(TrialRecord trial) {
        if (trial.number() != number) {
            throw new IllegalStateException("trial " + trial.number() + " recorded, but trial " + number
                    + " was handed out");
        }
        journal.appendFinished(trial);
        OptimizerReplay.tell(optimizer, asked, trial);
        trials.add(trial);
        return true;
    }

    @Override
    public Optional<ExpectedMinimum> expectedMinimum(List<TrialRecord> finished) {
        return optimizer.expectedMinimum();
    }

    @Override
    public void end(List<TrialRecord> finished, Optional<ExpectedMinimum> expected) {
        DerivedFiles.write(dir, description, finished, expected.orElse(null), null);
    }

    @Override
    public StorageException stopped(StorageException cause) {
        return new StorageException(cause.getMessage() + "; the study stopped: every trial recorded in "
                + dir.journal() + " is kept, resume the study once the run directory is writable again", cause.getCause());
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /**
     * Refuses to start over on an empty or missing journal when results.json lists trials: the
     * journal is the study's record, and writing results.json from an empty one would lose them.
     */
    private void requireJournalOfResults(JournalContents contents) {
        if (!contents.finished().isEmpty() || !contents.pending().isEmpty()) {
            return;
        }
        Path results = dir.results();
        int listed;
        try {
            listed = Files.exists(results) ? Json.mapper().readTree(results.toFile()).path("trials").size() : 0;
        } catch (IOException unreadable) {
            return; // results.json is derived: an unreadable one is rewritten from the journal
        }
        if (listed > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s lists %d trials but the journal %s is empty "
                    + "or missing; the journal is the study's record: restore it (results.json is rewritten from it), "
                    + "or start a new run", results, listed, dir.journal()));
        }
    }
}
