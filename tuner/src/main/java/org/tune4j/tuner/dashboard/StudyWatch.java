package org.tune4j.tuner.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tune4j.tuner.storage.RunLayout;

/**
 * Watches one run directory for the dashboard: follows its journal ({@link JournalTail}), rereads
 * study.json when it changes, probes the lock, and finds the trial in flight. One per served study,
 * kept for the server's life, so each poll reads only what changed.
 */
final class StudyWatch {
    /** The report's plots the study page shows, in page order (file names in {@code plots/}). */
    static final List<String> PLOTS = List.of("convergence.png", "evaluations.png", "partial-dependence.png",
            "landscape.png", "confusion-matrix.png", "misclassified.png", "test-samples.png");

    private final String id;
    private final RunLayout layout;
    private final JournalTail journal;
    private final Clock clock;
    private StudySettings settings;
    private FileTime settingsTime;

    StudyWatch(String id, Path root, Clock clock) {
        this.id = id;
        this.layout = new RunLayout(root);
        this.journal = new JournalTail(layout.journal());
        this.clock = clock;
    }

    String id() {
        return id;
    }

    Path root() {
        return layout.root();
    }

    /** The study as its files are now. */
    StudySnapshot snapshot() {
        StudySettings s = settings();
        JournalTail.Contents contents = journal.refresh();
        boolean locked = LockProbe.isHeld(layout.root());
        StudyState state = StudyState.of(locked, contents.finished().size(), s.budget());
        FileTime journalTime = modified(layout.journal());
        Optional<TrainingLogs.InFlight> inFlight = Optional.empty();
        if (state == StudyState.RUNNING) {
            Set<String> finishedLogs = new HashSet<>();
            contents.finished().forEach(t -> finishedLogs.add(t.logDir()));
            inFlight = TrainingLogs.inFlight(layout.root(), finishedLogs, journalTime);
        }
        Duration elapsed = null;
        if (s.created() != null) {
            Instant end = locked || journalTime == null ? clock.instant() : journalTime.toInstant();
            elapsed = Duration.between(s.created(), end).isNegative() ? Duration.ZERO : Duration.between(s.created(), end);
        }
        List<String> plots = new ArrayList<>();
        StringBuilder version = new StringBuilder().append(contents.bytes()).append('-').append(state.label());
        for (String plot : PLOTS) {
            FileTime t = modified(layout.root().resolve("plots").resolve(plot));
            if (t != null) {
                plots.add(plot);
                version.append('-').append(t.toMillis());
            }
        }
        inFlight.ifPresent(f -> version.append('-').append(f.logDir().hashCode()).append('-').append(f.epochs().size()));
        String problem = s.problem() != null ? s.problem() : contents.problem();
        return new StudySnapshot(id, layout.root(), s, state, contents.finished(), contents.pending(), inFlight,
                elapsed, plots, version.toString(), problem);
    }

    /** The trial's learning curve: its journal history, or its training log while it has none. */
    List<EpochRow> curve(TrialView trial) {
        if (!trial.history().isEmpty()) {
            return trial.history();
        }
        return TrainingLogs.logDir(layout.root(), trial.logDir())
                .map(dir -> TrainingLogs.read(dir.resolve(RunLayout.TRAINING_LOG)))
                .orElse(List.of());
    }

    private synchronized StudySettings settings() {
        FileTime t = modified(layout.studyFile());
        if (settings == null || t == null || !t.equals(settingsTime)) {
            settings = StudySettings.read(layout.studyFile());
            settingsTime = t;
        }
        return settings;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
