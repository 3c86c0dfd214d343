package org.tune4j.tuner.storage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tune4j.optimizer.TrialState;

/**
 * A finished trial as the journal and {@code results.json} keep it: the study writes it, and the
 * report reads it back ({@code report.ResultsReader}). The one record of a trial in tune4j's files.
 *
 * @param number  1-based call number (call 1 is the first point told)
 * @param params  hyper-parameters by name, in space order (Double, Integer or String values)
 * @param value   the objective told to the optimizer (minimized); for a failed trial of the
 *                tutorial study the penalty, for a failed external command {@code null}
 * @param state   {@link TrialState#COMPLETE} or {@link TrialState#FAILED}
 * @param error   why the trial failed, or {@code null}
 * @param seconds wall time of the evaluation (NaN when a hand-written file leaves it out)
 * @param history per-epoch training history (empty when the objective is not a training run)
 * @param logDir  directory of the trial's training log relative to the run directory, or null
 * @param reports intermediate reports, by step (empty, and absent from the files, when the study
 *                records none: the tutorial's default)
 * @param pruneReason why a {@link TrialState#PRUNED} trial was stopped ("after 0.25 epoch: 10.6% <
 *                median 91.2% of 7 trials at this step"), else null (and absent from the files)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrialRecord(int number, Map<String, Object> params, Double value, TrialState state, String error,
                          double seconds, List<EpochRecord> history, String logDir,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReportRecord> reports,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String pruneReason) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public TrialRecord {
        if (number < 1) {
            throw new IllegalArgumentException("trial number: expected >= 1, found " + number);
        }
        Objects.requireNonNull(state, "state");
        if (state == TrialState.PENDING) {
            throw new IllegalArgumentException("trial " + number + ": a finished trial cannot be pending");
        }
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("trial " + number + ": value must be finite, found " + value);
        }
        if ((state == TrialState.COMPLETE || state == TrialState.PRUNED) && value == null) {
            throw new IllegalArgumentException("trial " + number + ": a " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + " trial needs a value");
        }
        if (state == TrialState.PRUNED && pruneReason == null) {
            throw new IllegalArgumentException("trial " + number + ": a pruned trial needs the reason it was pruned");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        history = history == null ? List.of() : List.copyOf(history);
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** A trial without intermediate reports (not pruned). */
    public TrialRecord(int number, Map<String, Object> params, Double value, TrialState state, String error,
                       double seconds, List<EpochRecord> history, String logDir) {
        this(number, params, value, state, error, seconds, history, logDir, List.of(), null);
    }

    /** True for a {@link TrialState#PRUNED} trial. Not a file field. */
    @JsonIgnore
    public boolean isPruned() {
        return state == TrialState.PRUNED;
    }

    /** True for a {@link TrialState#COMPLETE} trial. Not a file field. */
    @JsonIgnore
    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }

    /** The value, or NaN when none was recorded (a failed external command): for plots and sorting. */
    public double valueOrNaN() {
        return value == null ? Double.NaN : value;
    }

    /** The validation accuracy (minus the value) of a complete tutorial trial, empty for a failed or pruned one. */
    public Optional<Double> accuracy() {
        return isComplete() ? Optional.of(-value) : Optional.empty();
    }
}
