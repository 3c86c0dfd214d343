package org.tune4j.tuner.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One study as read at one moment ({@link StudyWatch#snapshot()}): what the pages show.
 *
 * @param id        the study's name in the dashboard's URLs (its directory name)
 * @param root      its run directory
 * @param settings  what study.json says
 * @param state     running, finished, interrupted or idle
 * @param trials    the finished trials in journal order
 * @param pending   trials asked for and not yet told (ask/tell)
 * @param inFlight  the trial being trained, with the epochs it has finished, if any
 * @param elapsed   from the study's start to now (running) or to its journal's last change, or null
 * @param plots     the report's PNGs present in {@code plots/}, by file name
 * @param version   changes whenever anything above may have changed (for the pages' polling)
 * @param problem   a note on a file that could not be read, or null
 */
record StudySnapshot(String id, Path root, StudySettings settings, StudyState state, List<TrialView> trials,
                     Set<Integer> pending, Optional<TrainingLogs.InFlight> inFlight, Duration elapsed,
                     List<String> plots, String version, String problem) {

    StudySnapshot {
        trials = List.copyOf(trials);
        pending = Set.copyOf(pending);
        plots = List.copyOf(plots);
    }

    /** The complete trial with the lowest value (the first of equals), if any. */
    Optional<TrialView> best() {
        TrialView best = null;
        for (TrialView t : trials) {
            if (t.isComplete() && (best == null || t.value() < best.value())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Time left for a running study with a budget: the trials still to run times the mean wall time
     * of the trials so far (empty when there is no basis for a guess).
     */
    Optional<Duration> estimateLeft() {
        Integer budget = settings.budget();
        if (state != StudyState.RUNNING || budget == null) {
            return Optional.empty();
        }
        double total = 0;
        int counted = 0;
        for (TrialView t : trials) {
            if (Double.isFinite(t.seconds())) {
                total += t.seconds();
                counted++;
            }
        }
        if (counted == 0) {
            return Optional.empty();
        }
        int left = Math.max(0, budget - trials.size());
        return Optional.of(Duration.ofMillis(Math.round(total / counted * left * 1000)));
    }

    /** When the study started, if study.json says. */
    Optional<Instant> created() {
        return Optional.ofNullable(settings.created());
    }
}
