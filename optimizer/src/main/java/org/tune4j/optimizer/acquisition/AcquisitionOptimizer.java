package org.tune4j.optimizer.acquisition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.numeric.BoundedLbfgs;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.DifferentiableSurrogate;
import org.tune4j.optimizer.surrogate.Prediction;
import org.tune4j.optimizer.surrogate.PredictionGradient;
import org.tune4j.optimizer.surrogate.Surrogate;

/**
 * Finds the valid, not yet evaluated point of a space with the highest acquisition utility, as
 * scikit-optimize's {@code acq_optimizer="lbfgs"} does: {@code candidates} random points drawn
 * from the space's priors are scored; when the surrogate is differentiable, the best
 * {@code refineFrom} of them are refined by bounded quasi-Newton steps (at most 20 iterations,
 * like skopt) in the unit cube; refined points are snapped to valid integer and categorical
 * values and re-scored. The best point that is not excluded wins.
 *
 * <p>Unlike scikit-optimize, an excluded (already evaluated or pending) point is never returned:
 * {@link #maximize} returns empty when every scored point is excluded, and the caller falls back
 * to enumerating the unevaluated points. Stateless apart from its settings; thread-safe.
 */
public final class AcquisitionOptimizer {
    private static final int REFINE_ITERATIONS = 20;

    /** A chosen point, its unit encoding and its utility. */
    public record Proposal(List<Object> point, double[] unit, double utility) {
    }

    private final int candidates;
    private final int refineFrom;
    private final LocalPenalty penalty; // null: none
    private final FantasyAcquisition fantasies; // null: the plain acquisition of the surrogate

    public AcquisitionOptimizer(int candidates, int refineFrom) {
        this(candidates, refineFrom, null, null);
    }

    private AcquisitionOptimizer(int candidates, int refineFrom, LocalPenalty penalty,
            FantasyAcquisition fantasies) {
        if (candidates < 1 || refineFrom < 0) {
            throw new IllegalArgumentException("AcquisitionOptimizer: expected candidates >= 1 and refineFrom >= 0, "
                    + "found " + candidates + ", " + refineFrom);
        }
        this.candidates = candidates;
        this.refineFrom = refineFrom;
        this.penalty = penalty;
        this.fantasies = fantasies;
    }

    /**
     * This maximizer with every utility u(x) replaced by {@code max(u(x) - floor, 0) · penalty(x)}
     * (local penalization), where floor is min(0, the lowest utility among the scored candidates),
     * so that utilities that can be negative (LCB) are shifted to be non-negative first.
     */
    public AcquisitionOptimizer withPenalty(LocalPenalty p) {
        return new AcquisitionOptimizer(candidates, refineFrom, p, null);
    }

    /**
     * This maximizer with every utility replaced by its average over the fantasies of the pending
     * points ({@link FantasyAcquisition}); the surrogate passed to {@link #maximize} then only
     * decides whether candidates are refined by gradient steps (it must be differentiable for that).
     */
    public AcquisitionOptimizer withFantasies(FantasyAcquisition f) {
        return new AcquisitionOptimizer(candidates, refineFrom, null, f);
    }

    /**
     * Maximizes {@code acquisition} over the space, never returning a point in {@code excluded}
     * (points as canonical, validated lists).
     */
    public Optional<Proposal> maximize(Space space, Surrogate surrogate, AcquisitionFunction acquisition,
            double best, Set<List<Object>> excluded, RandomGenerator rng) {
        return maximizeEach(space, surrogate, List.of(acquisition), best, excluded, rng).get(0);
    }

    /**
     * Maximizes each acquisition function over one shared set of random candidates (as GP-hedge
     * needs: one proposal per member); element i of the result belongs to function i.
     */
    public List<Optional<Proposal>> maximizeEach(Space space, Surrogate surrogate,
            List<? extends AcquisitionFunction> acquisitions, double best, Set<List<Object>> excluded,
            RandomGenerator rng) {
        double[][] units = new double[candidates][];
        for (int i = 0; i < candidates; i++) {
            units[i] = space.toUnit(space.sample(rng));
        }
        Prediction[] predictions = fantasies == null ? surrogate.predict(units) : null;
        List<Optional<Proposal>> out = new ArrayList<>();
        for (AcquisitionFunction acquisition : acquisitions) {
            out.add(Optional.ofNullable(select(space, surrogate, acquisition, best, excluded, units, predictions)));
        }
        return out;
    }

    private Proposal select(Space space, Surrogate surrogate, AcquisitionFunction acquisition, double best,
            Set<List<Object>> excluded, double[][] units, Prediction[] predictions) {
        Integer[] order = new Integer[candidates];
        double[] utility = fantasies == null ? new double[candidates] : fantasies.utilities(acquisition, best, units);
        double floor = 0;
        for (int i = 0; i < candidates; i++) {
            order[i] = i;
            if (fantasies == null) {
                utility[i] = acquisition.utility(predictions[i].mean(), predictions[i].std(), best);
            }
            floor = Math.min(floor, utility[i]);
        }
        if (penalty != null) {
            for (int i = 0; i < candidates; i++) {
                utility[i] = Math.max(utility[i] - floor, 0) * penalty.value(units[i], null);
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -utility[i]));
        List<Proposal> pool = new ArrayList<>();
        if (surrogate instanceof DifferentiableSurrogate differentiable) {
            for (int r = 0; r < Math.min(refineFrom, candidates); r++) {
                double[] refined = refine(differentiable, acquisition, best, units[order[r]], penalty, floor,
                        fantasies);
                List<Object> point = space.fromUnit(refined);
                double[] snapped = space.toUnit(point);
                double u = utility(surrogate, acquisition, best, snapped);
                pool.add(new Proposal(point, snapped,
                        penalty == null ? u : Math.max(u - floor, 0) * penalty.value(snapped, null)));
            }
            pool.sort(Comparator.comparingDouble((Proposal p) -> -p.utility()));
        }
        Set<List<Object>> seen = new HashSet<>();
        Proposal winner = firstAllowed(pool, excluded, seen);
        for (int k = 0; k < candidates; k++) {
            int i = order[k];
            if (winner != null && utility[i] <= winner.utility()) {
                break;
            }
            List<Object> point = space.fromUnit(units[i]);
            if (!excluded.contains(point) && seen.add(point)) {
                winner = new Proposal(point, units[i], utility[i]);
                break;
            }
        }
        return winner;
    }

    /** The (un-penalized) utility at one unit-cube point. */
    private double utility(Surrogate surrogate, AcquisitionFunction acquisition, double best, double[] unit) {
        if (fantasies != null) {
            return fantasies.utilities(acquisition, best, new double[][] {unit})[0];
        }
        Prediction p = surrogate.predict(unit);
        return acquisition.utility(p.mean(), p.std(), best);
    }

    private static Proposal firstAllowed(List<Proposal> pool, Set<List<Object>> excluded, Set<List<Object>> seen) {
        for (Proposal p : pool) {
            if (!excluded.contains(p.point())) {
                return p;
            }
            seen.add(p.point());
        }
        return null;
    }

    /** Maximizes the utility from {@code start} inside [0, 1]^d by minimizing its negative. */
    static double[] refine(DifferentiableSurrogate surrogate, AcquisitionFunction acquisition, double best,
            double[] start) {
        return refine(surrogate, acquisition, best, start, null, 0, null);
    }

    /**
     * As above, the utility penalized as in {@link #withPenalty} when {@code penalty} is not null,
     * or averaged over the fantasies when {@code fantasies} is not null.
     */
    private static double[] refine(DifferentiableSurrogate surrogate, AcquisitionFunction acquisition, double best,
            double[] start, LocalPenalty penalty, double floor, FantasyAcquisition fantasies) {
        int d = start.length;
        double[] lower = new double[d];
        double[] upper = new double[d];
        Arrays.fill(upper, 1.0);
        double[] dPenalty = new double[d];
        BoundedLbfgs lbfgs = new BoundedLbfgs(10, REFINE_ITERATIONS, 1e-9, 1e-12);
        BoundedLbfgs.Result result = lbfgs.minimize((x, g) -> {
            double u = fantasies != null ? fantasies.utilityAndGradient(acquisition, best, x, g)
                    : utilityAndGradient(surrogate, acquisition, best, x, g);
            if (penalty != null) { // (max(u - floor, 0) · P)' = P u' + (u - floor) P' where u > floor
                double shifted = Math.max(u - floor, 0);
                double p = penalty.value(x, dPenalty);
                for (int i = 0; i < d; i++) {
                    g[i] = shifted > 0 ? p * g[i] + shifted * dPenalty[i] : 0;
                }
                u = shifted * p;
            }
            for (int i = 0; i < d; i++) {
                g[i] = -g[i];
            }
            return -u;
        }, start, lower, upper);
        return result.x();
    }

    /**
     * Utility at x, with ∂u/∂x written into {@code gradient}
     * (chain rule: ∂u/∂x = ∂u/∂mean ∂mean/∂x + ∂u/∂std ∂std/∂x).
     */
    public static double utilityAndGradient(DifferentiableSurrogate surrogate, AcquisitionFunction acquisition,
            double best, double[] x, double[] gradient) {
        PredictionGradient p = surrogate.predictWithGradient(x);
        AcquisitionFunction.Sensitivity s = acquisition.sensitivity(p.mean(), p.std(), best);
        for (int i = 0; i < x.length; i++) {
            gradient[i] = s.dMean() * p.dMean()[i] + s.dStd() * p.dStd()[i];
        }
        return s.utility();
    }
}
