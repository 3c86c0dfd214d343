package org.tune4j.optimizer.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tune4j.optimizer.TrialState;

/**
 * What the surrogate is told about a pruned trial, whose final value is never seen. Three answers
 * the literature and the tools give:
 * <ul>
 * <li>{@link #LAST}: its last intermediate value, as if the trial had ended there (Optuna's
 *     {@code TPESampler} and Ray Tune's searchers see a pruned trial's last reported value). Honest
 *     about what was seen, pessimistic for a trial pruned while still improving.</li>
 * <li>{@link #FAILED}: nothing; the point is kept out of the fit and never proposed again (as a
 *     failed trial). The surrogate learns nothing of a hopeless region, so it may come back to it.</li>
 * <li>{@link #EXTRAPOLATED}: the last value plus the median change from that step to the end among
 *     the complete trials that reported at that step: a learning-curve correction (the crude
 *     cousin of Domhan et al. 2015's curve extrapolation and of freeze-thaw BO's asymptote models);
 *     the last value while no complete trial reported there.</li>
 * </ul>
 * bench's {@code PrunedValueSuite} measures the three (regret and cost on test functions with
 * known learning curves); the choice the tuner makes is recorded there and in BENCHMARKS.md.
 */
public enum PrunedTrialValue {
    LAST, FAILED, EXTRAPOLATED;

    /**
     * The value to tell about {@code pruned}, or NaN for "tell it as failed".
     *
     * @param pruned the pruned trial's reports (at least one)
     * @param others the other trials finished before it; only the complete ones count
     */
    public double told(TrialReports pruned, List<TrialReports> others) {
        int step = pruned.lastStep();
        double last = pruned.at(step);
        return switch (this) {
            case LAST -> last;
            case FAILED -> Double.NaN;
            case EXTRAPOLATED -> last + medianChangeToTheEnd(step, others);
        };
    }

    /** Median over complete trials reporting at {@code step} of (final value - value at step); 0 when none. */
    static double medianChangeToTheEnd(int step, List<TrialReports> others) {
        List<Double> changes = new ArrayList<>();
        for (TrialReports o : others) {
            double there = o.at(step);
            if (o.state() == TrialState.COMPLETE && o.lastStep() > step && !Double.isNaN(there)) {
                double end = o.at(o.lastStep());
                if (!Double.isNaN(end)) {
                    changes.add(end - there);
                }
            }
        }
        if (changes.isEmpty()) {
            return 0;
        }
        changes.sort(null);
        int n = changes.size();
        return n % 2 == 1 ? changes.get(n / 2) : (changes.get(n / 2 - 1) + changes.get(n / 2)) / 2;
    }

    /** The value by its lower-case name (last, failed, extrapolated). */
    public static PrunedTrialValue parse(String name) {
        for (PrunedTrialValue v : values()) {
            if (v.name().toLowerCase(Locale.ROOT).equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("expected one of last, failed, extrapolated, found '" + name + "'");
    }
}
