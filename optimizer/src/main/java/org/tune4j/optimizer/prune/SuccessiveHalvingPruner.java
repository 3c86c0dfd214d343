package org.tune4j.optimizer.prune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.optimizer.Parameter;

/**
 * Asynchronous successive halving, ASHA (Li, Jamieson, Rostamizadeh, Gonina, Ben-tzur, Hardt, Recht
 * & Talwalkar 2020, "A System for Massively Parallel Hyperparameter Tuning", Algorithm 2), as
 * Optuna's {@code SuccessiveHalvingPruner} applies it to one trial at a time:
 *
 * <pre>
 *   rung k sits at resource  r_k = min_resource * eta^(s + k)      (s = min_early_stopping_rate; in steps)
 *   when trial t's report first reaches r_k (its previous report was below it):
 *     competing = t's value there and every other trial's value at its first report >= r_k
 *                 (any state: running, complete, pruned, failed)
 *     keep t  iff  its value <= the q-th smallest competing value,  q = max(1, floor(|competing| / eta))
 * </pre>
 * so about the best 1/eta of the trials at each rung go on; between rungs nothing is pruned. A
 * rung with fewer than eta trials keeps only a trial that is the best so far there (ASHA would
 * pause the others for a later promotion; a trial here is never paused, so it is decided now). With
 * eta 3 and min_resource 1 the rungs are at steps 1, 3, 9, 27, ...
 *
 * <p>When a full trial's steps R (max_resource) are known, rung k decides only if the rung it
 * promotes to still fits: r_(k+1) <= R. In Li et al. the top rung is the maximum resource itself (a
 * trial promoted there is complete), and Ray Tune's ASHA ({@code stop_last_trials}) drops it the
 * same way; a decision there would stop a trial a step or two before its end, when most of its cost
 * is spent. With reports every quarter epoch of 3 epochs (R = 12) and eta 3 the rungs that decide
 * are at steps 1 and 3 (0.25 and 0.75 epoch), not 9. R = 0 (unknown, e.g. a black-box command):
 * every rung decides, as Optuna's {@code SuccessiveHalvingPruner}.
 *
 * @param minResource         steps before the first rung (>= 1)
 * @param reductionFactor     eta (>= 2)
 * @param minEarlyStoppingRate s (>= 0): the first rung at min_resource * eta^s
 * @param maxResource         R: the steps of a full trial, 0 when unknown
 * @param label               prefix of the threshold's name ("" or "bracket 1 ")
 */
public record SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate, int maxResource,
        String label) implements Pruner {

    public static final Parameter MIN_RESOURCE = Parameter.integerAtLeast("min_resource", 1, 1,
            "steps (reports) a trial runs before the first rung");
    public static final Parameter REDUCTION_FACTOR = Parameter.integerAtLeast("reduction_factor", 3, 2,
            "eta: about 1/eta of the trials at a rung go on to the next, which sits eta times further");
    public static final Parameter MIN_EARLY_STOPPING_RATE = Parameter.integerAtLeast("min_early_stopping_rate", 0, 0,
            "s: the first rung sits at min_resource * eta^s");
    public static final Parameter MAX_RESOURCE = Parameter.integerAtLeast("max_resource", 0, 0,
            "steps (reports) of a full trial; a rung decides only if the next one fits; 0: the study's own "
                    + "(a training run's reports), or every rung when unknown");

    public SuccessiveHalvingPruner {
        if (minResource < 1 || reductionFactor < 2 || minEarlyStoppingRate < 0 || maxResource < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "successive halving: expected min_resource >= 1, "
                    + "reduction_factor >= 2, min_early_stopping_rate >= 0, max_resource >= 0, found %d, %d, %d, %d",
                    minResource, reductionFactor, minEarlyStoppingRate, maxResource));
        }
        label = label == null ? "" : label;
    }

    /** Successive halving with every rung deciding (the maximum resource unknown). */
    public SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate, String label) {
        this(minResource, reductionFactor, minEarlyStoppingRate, 0, label);
    }

    /** Whether rung {@code k} decides: always when R is unknown, else when rung k + 1 fits in R. */
    public boolean decidesAt(int k) {
        return maxResource == 0 || rung(k + 1) <= maxResource;
    }

    /** The resource (step) of rung {@code k}, or Long.MAX_VALUE past any step. */
    public long rung(int k) {
        long r = minResource;
        for (int i = 0; i < minEarlyStoppingRate + k; i++) {
            if (r > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            r *= reductionFactor;
        }
        return r;
    }

    @Override
    public PruneDecision decide(TrialReports trial, List<TrialReports> others) {
        int step = trial.lastStep();
        Integer previous = trial.values().lowerKey(step);
        int prev = previous == null ? 0 : previous;
        int reached = -1;    // the highest rung this report reaches first
        for (int k = 0; rung(k) <= step; k++) {
            if (rung(k) > prev) {
                reached = k;
            }
        }
        double value = trial.at(step);
        if (reached < 0 || !decidesAt(reached) || Double.isNaN(value)) {
            return PruneDecision.keep();
        }
        int resource = (int) rung(reached);
        List<Double> competing = new ArrayList<>();
        competing.add(value);
        for (TrialReports o : others) {
            int s = o.number() == trial.number() ? 0 : o.firstStepFrom(resource);
            if (s > 0 && !Double.isNaN(o.at(s))) {
                competing.add(o.at(s));
            }
        }
        Collections.sort(competing);
        int q = Math.max(1, competing.size() / reductionFactor);
        return PruneDecision.compare(value, String.format(Locale.ROOT, "%srung %d top-1/%d cut", label, reached + 1,
                reductionFactor), competing.get(q - 1), competing.size());
    }

    /** ASHA's registration: parameters min_resource, reduction_factor, min_early_stopping_rate. */
    public record Factory() implements PrunerFactory {
        @Override
        public String name() {
            return "asha";
        }

        @Override
        public String description() {
            return "asynchronous successive halving: at rungs min_resource * eta^k steps, keep about the best 1/eta "
                    + "of the trials there (Li et al. 2020)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(MIN_RESOURCE, REDUCTION_FACTOR, MIN_EARLY_STOPPING_RATE, MAX_RESOURCE);
        }

        @Override
        public Pruner create(Map<String, Double> parameters, long seed, int maxSteps) {
            int max = parameters.get(MAX_RESOURCE.name()).intValue();
            return new SuccessiveHalvingPruner(parameters.get(MIN_RESOURCE.name()).intValue(),
                    parameters.get(REDUCTION_FACTOR.name()).intValue(),
                    parameters.get(MIN_EARLY_STOPPING_RATE.name()).intValue(), max == 0 ? Math.max(0, maxSteps) : max, "");
        }
    }
}
