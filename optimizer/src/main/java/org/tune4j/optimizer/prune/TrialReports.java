package org.tune4j.optimizer.prune;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.tune4j.optimizer.TrialState;

/**
 * One trial's intermediate reports as a pruner sees them: the objective's value (minimized, like
 * the final value) at each 1-based step, and where the trial stands.
 *
 * @param number  the trial's number in the study
 * @param state   {@link TrialState#PENDING} while it runs, else how it ended
 *                ({@link TrialState#COMPLETE}, {@link TrialState#PRUNED} or {@link TrialState#FAILED})
 * @param values  value by step, steps ascending; NaN values are ignored by the rules
 */
public record TrialReports(int number, TrialState state, NavigableMap<Integer, Double> values) {

    public TrialReports {
        Objects.requireNonNull(state, "state");
        for (Map.Entry<Integer, Double> e : values.entrySet()) {
            if (e.getKey() < 1 || e.getValue() == null) {
                throw new IllegalArgumentException("trial " + number + ": expected steps >= 1 with a value, found "
                        + e.getKey() + " -> " + e.getValue());
            }
        }
        values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }

    /** A trial's reports from {@code step -> value} pairs. */
    public static TrialReports of(int number, TrialState state, Map<Integer, Double> values) {
        return new TrialReports(number, state, new TreeMap<>(values));
    }

    /** The last step reported; 0 when none. */
    public int lastStep() {
        return values.isEmpty() ? 0 : values.lastKey();
    }

    /** The value at {@code step}, or NaN when the trial did not report it. */
    public double at(int step) {
        Double v = values.get(step);
        return v == null ? Double.NaN : v;
    }

    /** The lowest (best) value reported up to and including {@code step}, NaN when none. */
    public double bestUpTo(int step) {
        double best = Double.NaN;
        for (double v : values.headMap(step, true).values()) {
            if (!Double.isNaN(v) && !(v >= best)) {
                best = v;
            }
        }
        return best;
    }

    /** The first step at or after {@code resource} that was reported, or 0 when none. */
    public int firstStepFrom(int resource) {
        Integer s = values.ceilingKey(resource);
        return s == null ? 0 : s;
    }
}
