package org.tune4j.tuner.study;

import java.util.List;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.EpochRecord;

/**
 * What evaluating one trial gave.
 *
 * @param value   the objective to minimize; for a failed trial the penalty told to the optimizer,
 *                or null to tell the optimizer only that it failed
 * @param state   COMPLETE or FAILED
 * @param error   why it failed, else null
 * @param history per-epoch history (empty when not a training run)
 * @param logDir  log directory relative to the run directory, or null
 */
public record TrialOutcome(Double value, TrialState state, String error, List<EpochRecord> history, String logDir) {

    public TrialOutcome {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static TrialOutcome complete(double value, List<EpochRecord> history, String logDir) {
        return new TrialOutcome(value, TrialState.COMPLETE, null, history, logDir);
    }

    public static TrialOutcome failed(Double penalty, String error, List<EpochRecord> history, String logDir) {
        return new TrialOutcome(penalty, TrialState.FAILED, error, history, logDir);
    }
}
