package org.tune4j.tuner.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A trial as the dashboard shows it, read leniently from one journal line: the state is kept as
 * the file spells it ({@code complete}, {@code failed}, or any state a newer tune4j writes, such as
 * {@code pruned}), so a state this code does not know is shown as it is rather than refused.
 *
 * @param number  the trial number
 * @param params  the hyper-parameters as the journal holds them (a JSON object)
 * @param value   the objective value, or null when none was recorded
 * @param state   the state as spelled in the journal ({@code "unknown"} when it is missing)
 * @param reason  why the trial failed or was stopped early (its {@code error}, else its
 *                {@code prune_reason}, else a {@code reason}), or null
 * @param seconds wall time of the trial, NaN when missing
 * @param history per-epoch learning curve (empty when the objective is not a training run)
 * @param logDir  the trial's log directory relative to the run directory, or null
 * @param reports the intermediate values a pruner judged ({@code reports}: step, value, epochs), empty when none
 */
record TrialView(int number, JsonNode params, Double value, String state, String reason, double seconds,
                 List<EpochRow> history, String logDir, List<Report> reports) {

    /** One intermediate report: its step, the value then, and the training done (epochs; NaN when not a training run). */
    record Report(int step, double value, double epochs) {
    }

    /** The state the journal writes for a trial whose value counts. */
    static final String COMPLETE = "complete";

    TrialView {
        history = List.copyOf(history);
        reports = List.copyOf(reports);
    }

    boolean isComplete() {
        return COMPLETE.equals(state) && value != null;
    }
}
