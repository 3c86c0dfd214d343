package org.tune4j.tuner.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One trial of a study as {@code results.json} records it.
 *
 * @param number  the call number, 1-based (the x0 call is 1)
 * @param params  the hyper-parameters by name: Double, Integer or String
 * @param value   the objective, minus the validation accuracy; for a failed trial the penalty the
 *                study told the optimizer (0.0), or NaN when none was recorded
 * @param state   "complete" or "failed"
 * @param error   why a failed trial failed, or null
 * @param seconds wall time of the trial
 * @param history one entry per epoch (may be empty)
 * @param logDir  the trial's log directory relative to the run directory, or null
 */
public record TrialRecord(int number, Map<String, Object> params, double value, String state, String error,
                          double seconds, List<Epoch> history, String logDir) {

    /** One epoch of a trial's training history. */
    public record Epoch(int epoch, double loss, double accuracy, double valLoss, double valAccuracy, double seconds) {
    }

    public TrialRecord {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
    }

    public boolean isComplete() {
        return "complete".equals(state);
    }

    /** The validation accuracy (minus the value), empty for a failed trial. */
    public Optional<Double> accuracy() {
        return isComplete() ? Optional.of(-value) : Optional.empty();
    }
}
