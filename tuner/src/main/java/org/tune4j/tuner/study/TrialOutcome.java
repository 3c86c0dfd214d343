package org.tune4j.tuner.study;

import java.util.List;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.ReportRecord;

/**
 * What evaluating one trial gave.
 *
 * @param value       the objective to minimize; for a failed trial the penalty told to the optimizer,
 *                    or null to tell the optimizer only that it failed; for a pruned trial its last
 *                    intermediate value (what the optimizer is told, see {@link OptimizerReplay})
 * @param state       COMPLETE, FAILED or PRUNED
 * @param error       why it failed, else null
 * @param history     per-epoch history (empty when not a training run)
 * @param logDir      log directory relative to the run directory, or null
 * @param reports     the intermediate reports (empty when the study records none)
 * @param pruneReason why a pruned trial was stopped, else null
 */
public record TrialOutcome(Double value, TrialState state, String error, List<EpochRecord> history, String logDir,
                           List<ReportRecord> reports, String pruneReason) {

    public TrialOutcome {
        history = history == null ? List.of() : List.copyOf(history);
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** An outcome without intermediate reports. */
    public TrialOutcome(Double value, TrialState state, String error, List<EpochRecord> history, String logDir) {
        this(value, state, error, history, logDir, List.of(), null);
    }

    public static TrialOutcome complete(double value, List<EpochRecord> history, String logDir) {
        return new TrialOutcome(value, TrialState.COMPLETE, null, history, logDir);
    }

    public static TrialOutcome failed(Double penalty, String error, List<EpochRecord> history, String logDir) {
        return new TrialOutcome(penalty, TrialState.FAILED, error, history, logDir);
    }

    /** A trial stopped by the pruner: its last intermediate value, and why. */
    public static TrialOutcome pruned(double lastValue, String reason, List<EpochRecord> history, String logDir,
                                      List<ReportRecord> reports) {
        return new TrialOutcome(lastValue, TrialState.PRUNED, null, history, logDir, reports, reason);
    }

    /** The same outcome with the intermediate reports recorded by the trial's monitor. */
    public TrialOutcome withReports(List<ReportRecord> recorded) {
        return new TrialOutcome(value, state, error, history, logDir, recorded, pruneReason);
    }
}
