package org.tune4j.optimizer.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.numeric.RandomStreams;

/**
 * Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh & Talwalkar 2018, "Hyperband: A Novel
 * Bandit-Based Approach to Hyperparameter Optimization", Algorithm 1) over asynchronous
 * successive halving, as Optuna's {@code HyperbandPruner} runs it: several ASHA brackets that
 * differ in how early they start pruning, each trial assigned to one bracket and compared only
 * with the trials of its own bracket.
 *
 * <pre>
 *   s_max = floor(log_eta(max_resource / min_resource)),  brackets b = 0 .. s_max
 *   bracket b: {@link SuccessiveHalvingPruner} with min_early_stopping_rate b and max_resource R
 *              (its rungs at min_resource * eta^(b + k), deciding while the next rung fits in R;
 *              bracket 0 prunes earliest, bracket s_max never: its trials all run to R)
 *   budget of bracket b = ceil((s_max + 1) / (s + 1) * eta^s),  s = s_max - b
 *              (Hyperband's n_s: the trials bracket s starts with)
 *   trial n's bracket: a draw from RandomStreams(seed, "hyperband-bracket", n) in [0, total budget),
 *              mapped to brackets by their cumulative budgets
 * </pre>
 * With min_resource 1, max_resource 9, eta 3: three brackets, rungs {1, 3, 9}, {3, 9}, {9} of which
 * {1, 3}, {3} and none decide (9 is the full trial), budgets 9, 5 and 3 of 17. The draw depends only on the seed and the trial's number, so decisions stay a
 * function of the reports (asynchronous, resumable).
 */
public final class HyperbandPruner implements Pruner {
    public static final Parameter MAX_RESOURCE = Parameter.integerAtLeast("max_resource", 0, 0,
            "steps (reports) of a full trial; 0: the study's own (a training run's reports)");

    private final List<SuccessiveHalvingPruner> brackets = new ArrayList<>();
    private final int[] budgets;
    private final long seed;

    /**
     * @throws IllegalArgumentException when max_resource is unknown (0) or below min_resource
     */
    public HyperbandPruner(int minResource, int maxResource, int reductionFactor, long seed) {
        if (maxResource < 1) {
            throw new IllegalArgumentException("pruner hyperband, parameter max_resource: the steps of a full trial are "
                    + "not known in this study; give them (e.g. max_resource=9)");
        }
        if (minResource > maxResource || minResource < 1 || reductionFactor < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "pruner hyperband: expected 1 <= min_resource "
                    + "<= max_resource and reduction_factor >= 2, found min_resource %d, max_resource %d, "
                    + "reduction_factor %d", minResource, maxResource, reductionFactor));
        }
        int sMax = 0;
        for (long r = (long) minResource * reductionFactor; r <= maxResource; r *= reductionFactor) {
            sMax++;
        }
        this.budgets = new int[sMax + 1];
        for (int b = 0; b <= sMax; b++) {
            int s = sMax - b;
            brackets.add(new SuccessiveHalvingPruner(minResource, reductionFactor, b, maxResource,
                    String.format(Locale.ROOT, "bracket %d ", b)));
            budgets[b] = (int) Math.ceil((sMax + 1.0) / (s + 1) * Math.pow(reductionFactor, s) - 1e-9);
        }
        this.seed = seed;
    }

    /** The brackets' trial budgets, bracket 0 first. */
    public int[] budgets() {
        return budgets.clone();
    }

    /** The number of brackets (s_max + 1). */
    public int bracketCount() {
        return budgets.length;
    }

    /** The bracket of trial {@code number}. */
    public int bracketOf(int number) {
        int total = 0;
        for (int b : budgets) {
            total += b;
        }
        int draw = RandomStreams.of(seed, "hyperband-bracket", number).nextInt(total);
        for (int b = 0; b < budgets.length; b++) {
            draw -= budgets[b];
            if (draw < 0) {
                return b;
            }
        }
        throw new AssertionError("draw past the total budget");
    }

    /** Bracket {@code b}'s successive halving. */
    public SuccessiveHalvingPruner bracket(int b) {
        return brackets.get(b);
    }

    @Override
    public PruneDecision decide(TrialReports trial, List<TrialReports> others) {
        int b = bracketOf(trial.number());
        List<TrialReports> same = new ArrayList<>();
        for (TrialReports o : others) {
            if (bracketOf(o.number()) == b) {
                same.add(o);
            }
        }
        return brackets.get(b).decide(trial, same);
    }

    /** Hyperband's registration: parameters min_resource, max_resource, reduction_factor. */
    public record Factory() implements PrunerFactory {
        @Override
        public String name() {
            return "hyperband";
        }

        @Override
        public String description() {
            return "Hyperband: trials spread over ASHA brackets that start pruning at different steps (Li et al. 2018)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(SuccessiveHalvingPruner.MIN_RESOURCE, MAX_RESOURCE, SuccessiveHalvingPruner.REDUCTION_FACTOR);
        }

        @Override
        public Pruner create(Map<String, Double> parameters, long seed, int maxSteps) {
            int max = parameters.get(MAX_RESOURCE.name()).intValue();
            return new HyperbandPruner(parameters.get(SuccessiveHalvingPruner.MIN_RESOURCE.name()).intValue(),
                    max == 0 ? maxSteps : max, parameters.get(SuccessiveHalvingPruner.REDUCTION_FACTOR.name()).intValue(),
                    seed);
        }
    }
}
