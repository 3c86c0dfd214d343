package org.tune4j.optimizer.prune;

import java.util.Locale;

/**
 * A pruner's verdict on a trial's latest report, with what it compared it to (for the console:
 * "pruned after 0.25 epoch: 10.6% < median 91.2% of 7 trials at this step").
 *
 * @param prune     true to stop the trial now
 * @param value     the trial's value the rule judged (its latest report, or its best so far for the
 *                  percentile rules; NaN when none)
 * @param rule      the name of the threshold ("median", "25th percentile", "rung 2 top-1/3 cut"); empty
 *                  when there was nothing to compare with
 * @param threshold the value the trial's report was compared with (minimized units; NaN when none)
 * @param compared  how many trials the threshold was computed from
 */
public record PruneDecision(boolean prune, double value, String rule, double threshold, int compared) {

    private static final PruneDecision KEEP = new PruneDecision(false, Double.NaN, "", Double.NaN, 0);

    public PruneDecision {
        rule = rule == null ? "" : rule;
        if (prune && rule.isEmpty()) {
            throw new IllegalArgumentException("a prune decision needs the rule it applied");
        }
    }

    /** Go on, without a comparison (warm-up, too few trials, not at a rung). */
    public static PruneDecision keep() {
        return KEEP;
    }

    /** The decision of comparing {@code value} with {@code threshold}: prune when worse (greater). */
    public static PruneDecision compare(double value, String rule, double threshold, int compared) {
        return new PruneDecision(value > threshold, value, rule, threshold, compared);
    }

    @Override
    public String toString() {
        return rule.isEmpty() ? (prune ? "prune" : "keep")
                : String.format(Locale.ROOT, "%s: %.6g %s %s %.6g of %d trials", prune ? "prune" : "keep", value,
                        prune ? ">" : "<=", rule, threshold, compared);
    }
}
