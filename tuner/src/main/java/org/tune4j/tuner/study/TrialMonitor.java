package org.tune4j.tuner.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.prune.PruneDecision;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.optimizer.prune.TrialReports;
import org.tune4j.tuner.storage.ReportRecord;

/**
 * One running trial's intermediate reports and the pruner's verdict on each: an evaluator calls
 * {@link #report} at every checkpoint (a training run's validation, a command's
 * {@code tune4j-report} line) and stops the trial when the decision says prune.
 *
 * <p>Life cycle: {@link StudyLoop} makes one per trial from the study's pruner and the reports
 * of the trials finished before it ({@link #of}); the evaluator reports, in step order, on the
 * study's thread; the loop then reads {@link #reports()} into the trial's record. A trial's last
 * report ({@code last} true) is recorded but never judged: a trial that got there completes.
 * {@link #NONE} records nothing and never prunes (a study without reports, the tutorial's default).
 */
public final class TrialMonitor {
    /** Records nothing, never prunes. */
    public static final TrialMonitor NONE = new TrialMonitor(0, null, List.of());

    private final int number;
    private final Pruner pruner;            // null: reports are not recorded
    private final List<TrialReports> others;
    private final List<ReportRecord> reports = new ArrayList<>();
    private final Map<Integer, Double> values = new TreeMap<>();

    private TrialMonitor(int number, Pruner pruner, List<TrialReports> others) {
        this.number = number;
        this.pruner = pruner;
        this.others = List.copyOf(others);
    }

    /** The monitor of trial {@code number}, judged by {@code pruner} against {@code others}. */
    public static TrialMonitor of(int number, Pruner pruner, List<TrialReports> others) {
        return new TrialMonitor(number, java.util.Objects.requireNonNull(pruner, "pruner"), others);
    }

    /** Whether reports are recorded (false for {@link #NONE}). */
    public boolean records() {
        return pruner != null;
    }

    /**
     * Records the report of {@code step} and returns the pruner's verdict on it.
     *
     * @param last true for the trial's final report (never pruned)
     */
    public PruneDecision report(ReportRecord report, boolean last) {
        if (pruner == null) {
            return PruneDecision.keep();
        }
        if (!reports.isEmpty() && report.step() <= reports.get(reports.size() - 1).step()) {
            throw new IllegalArgumentException("trial " + number + ": report step " + report.step()
                    + " after step " + reports.get(reports.size() - 1).step() + "; expected increasing steps");
        }
        reports.add(report);
        values.put(report.step(), report.value());
        if (last) {
            return PruneDecision.keep();
        }
        return pruner.decide(TrialReports.of(number, TrialState.PENDING, values), others);
    }

    /** The reports recorded so far, in step order. */
    public List<ReportRecord> reports() {
        return List.copyOf(reports);
    }

    /** The value of the last report, or NaN when none. */
    public double lastValue() {
        return reports.isEmpty() ? Double.NaN : reports.get(reports.size() - 1).value();
    }
}
