package org.tune4j.optimizer.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.TrialState;

/**
 * The percentile rule, of which the median stopping rule (Golovin et al. 2017, "Google Vizier: A
 * Service for Black-Box Optimization", section 3.2.2) is the 50th percentile; as Optuna's
 * {@code PercentilePruner} / {@code MedianPruner} apply it:
 *
 * <pre>
 *   at step s of trial t (s > warmup_steps, and at least min_trials complete trials reported step s):
 *     best_t(s)  = min over t's reports at steps <= s           (values are minimized)
 *     threshold  = the p-th percentile of the complete trials' values at step s
 *                  (linear interpolation between order statistics, numpy's default)
 *     prune  iff  best_t(s) > threshold
 * </pre>
 * With p = 25 only trials among the best quarter at each step go on. Golovin's rule compares a
 * running average; Optuna's variant, used here, compares the trial's best value so far. Only
 * complete trials set the threshold (pruned ones stopped early, running ones are unfinished).
 *
 * @param percentile   p in (0, 100]: lower is stricter
 * @param warmupSteps  steps of every trial that are never pruned (>= 0)
 * @param minTrials    complete trials that must have reported the step before anything is pruned (>= 1)
 * @param label        how the threshold is named ("median", "25th percentile")
 */
public record PercentilePruner(double percentile, int warmupSteps, int minTrials, String label) implements Pruner {

    /** Steps never pruned at the start of each trial. */
    public static final Parameter WARMUP_STEPS = Parameter.integerAtLeast("warmup_steps", 0, 0,
            "steps of each trial never pruned (its first reports)");
    /** Complete trials needed at a step before it prunes anything (Optuna's n_startup_trials). */
    public static final Parameter MIN_TRIALS = Parameter.integerAtLeast("min_trials", 5, 1,
            "complete trials that must have reported a step before a trial is pruned there");
    /** The percentile of {@link PercentilePruner.Percentile}. */
    public static final Parameter PERCENTILE = new Parameter("percentile", "keep trials at or better than this "
            + "percentile of the complete trials at each step (lower is stricter)", 25,
            v -> Double.isFinite(v) && v > 0 && v <= 100, "a number in (0, 100]");

    public PercentilePruner {
        if (!(percentile > 0 && percentile <= 100) || warmupSteps < 0 || minTrials < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "percentile pruner: expected percentile in "
                    + "(0, 100], warmup_steps >= 0, min_trials >= 1, found %s, %d, %d", percentile, warmupSteps, minTrials));
        }
    }

    @Override
    public PruneDecision decide(TrialReports trial, List<TrialReports> others) {
        int step = trial.lastStep();
        if (step <= warmupSteps) {
            return PruneDecision.keep();
        }
        List<Double> atStep = new ArrayList<>();
        for (TrialReports o : others) {
            double v = o.at(step);
            if (o.state() == TrialState.COMPLETE && o.number() != trial.number() && !Double.isNaN(v)) {
                atStep.add(v);
            }
        }
        double best = trial.bestUpTo(step);
        if (atStep.size() < minTrials || Double.isNaN(best)) {
            return PruneDecision.keep();
        }
        return PruneDecision.compare(best, label, percentile(atStep, percentile), atStep.size());
    }

    /** numpy's default percentile: linear interpolation at rank (n - 1) p / 100 of the sorted values. */
    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double rank = (sorted.length - 1) * p / 100;
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The median stopping rule's registration: parameters warmup_steps and min_trials. */
    public record Median() implements PrunerFactory {
        @Override
        public String name() {
            return "median";
        }

        @Override
        public String description() {
            return "median stopping rule: stop a trial whose best value so far is worse than the median of the "
                    + "complete trials at the same step (Golovin et al. 2017)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(WARMUP_STEPS, MIN_TRIALS);
        }

        @Override
        public Pruner create(Map<String, Double> parameters, long seed, int maxSteps) {
            return new PercentilePruner(50, parameters.get(WARMUP_STEPS.name()).intValue(),
                    parameters.get(MIN_TRIALS.name()).intValue(), "median");
        }
    }

    /** The percentile rule's registration: parameters percentile, warmup_steps and min_trials. */
    public record Percentile() implements PrunerFactory {
        @Override
        public String name() {
            return "percentile";
        }

        @Override
        public String description() {
            return "stop a trial whose best value so far is outside the given best percentile of the complete "
                    + "trials at the same step";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(PERCENTILE, WARMUP_STEPS, MIN_TRIALS);
        }

        @Override
        public Pruner create(Map<String, Double> parameters, long seed, int maxSteps) {
            double p = parameters.get(PERCENTILE.name());
            return new PercentilePruner(p, parameters.get(WARMUP_STEPS.name()).intValue(),
                    parameters.get(MIN_TRIALS.name()).intValue(), ordinal(p) + " percentile");
        }

        private static String ordinal(double p) {
            if (p != Math.rint(p)) {
                return String.format(Locale.ROOT, "%s", p);
            }
            int n = (int) p;
            String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
            return n + suffix;
        }
    }
}
