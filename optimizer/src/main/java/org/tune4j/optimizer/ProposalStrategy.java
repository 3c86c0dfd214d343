package org.tune4j.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer.Proposal;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer;
import org.tune4j.optimizer.acquisition.AcquisitionPolicy;
import org.tune4j.optimizer.acquisition.FantasyAcquisition;
import org.tune4j.optimizer.acquisition.LocalPenalty;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.Surrogate;

/**
 * Turns an {@link OptimizerConfig} into objects: creates and fits the configured surrogate, asks
 * the configured {@link AcquisitionPolicy} (one per optimizer, holding whatever state it keeps) for
 * the next point, and draws random unevaluated points. Package-private helper of
 * {@link Optimizer}, which owns the trial history.
 */
final class ProposalStrategy {
    /** Below this many points a finite space is enumerated when random draws keep hitting used points. */
    private static final long ENUMERATION_LIMIT = 2_000_000;
    private static final int RANDOM_TRIES = 200;

    private final Space space;
    private final OptimizerConfig config;
    private final AcquisitionOptimizer acquisitionOptimizer;
    private final AcquisitionPolicy policy;

    ProposalStrategy(Space space, OptimizerConfig config) {
        this.space = space;
        this.config = config;
        this.acquisitionOptimizer = new AcquisitionOptimizer(config.candidates(), config.refineFrom());
        this.policy = config.acquisition().create(config.acquisitionParameters());
    }

    /** Whether asks after the initial design use a surrogate (false for random search). */
    boolean buildsModel() {
        return config.surrogate().buildsModel();
    }

    /** Whether the policy's proposals depend on its earlier rounds (replayed rounds must then be re-run). */
    boolean remembersRounds() {
        return policy.remembersRounds();
    }

    /** A fresh surrogate of the configured kind, fitted on (xs, ys). */
    Surrogate fit(List<double[]> xs, List<Double> ys, RandomGenerator rng) {
        Surrogate s = config.surrogate().create(config.surrogateParameters(), rng);
        double[] y = new double[ys.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i);
        }
        s.fit(xs.toArray(new double[0][]), y);
        return s;
    }

    /** The policy's next point (empty when all scored points are excluded). */
    Optional<Proposal> propose(Surrogate model, double best, Set<List<Object>> excluded, RandomGenerator rng) {
        return propose(model, best, excluded, rng, config.candidates());
    }

    /** As {@link #propose(Surrogate, double, Set, RandomGenerator)}, scoring {@code candidates} random points. */
    Optional<Proposal> propose(Surrogate model, double best, Set<List<Object>> excluded, RandomGenerator rng,
            int candidates) {
        return propose(model, best, excluded, rng, candidates, (LocalPenalty) null);
    }

    /** As above, the acquisition multiplied by {@code penalty} when it is not null (local penalization). */
    Optional<Proposal> propose(Surrogate model, double best, Set<List<Object>> excluded, RandomGenerator rng,
            int candidates, LocalPenalty penalty) {
        AcquisitionOptimizer maximizer = maximizer(candidates);
        if (penalty != null) {
            maximizer = maximizer.withPenalty(penalty);
        }
        return policy.propose(new AcquisitionPolicy.Round(space, model, best, excluded, maximizer, rng));
    }

    /** As above, the acquisition averaged over {@code fantasies} of the pending points (model: the GP of the observations). */
    Optional<Proposal> propose(Surrogate model, double best, Set<List<Object>> excluded, RandomGenerator rng,
            int candidates, FantasyAcquisition fantasies) {
        AcquisitionOptimizer maximizer = maximizer(candidates).withFantasies(fantasies);
        return policy.propose(new AcquisitionPolicy.Round(space, model, best, excluded, maximizer, rng));
    }

    private AcquisitionOptimizer maximizer(int candidates) {
        return candidates == config.candidates() ? acquisitionOptimizer
                : new AcquisitionOptimizer(candidates, config.refineFrom());
    }

    /** The acquisition policy of this optimizer (for tests and reports). */
    AcquisitionPolicy policy() {
        return policy;
    }

    /** A point drawn from the priors that is not excluded; enumerates small finite spaces when needed. */
    List<Object> randomUnused(Set<List<Object>> excluded, RandomGenerator rng) {
        for (int i = 0; i < RANDOM_TRIES; i++) {
            List<Object> p = space.sample(rng);
            if (!excluded.contains(p)) {
                return p;
            }
        }
        long cardinality = space.cardinality();
        if (cardinality > ENUMERATION_LIMIT) {
            throw new IllegalStateException("could not draw an unevaluated point in " + RANDOM_TRIES
                    + " tries from a space of " + (space.isFinite() ? cardinality : "infinitely many")
                    + " points with " + excluded.size() + " used");
        }
        List<List<Object>> unused = new ArrayList<>();
        for (long k = 0; k < cardinality; k++) {
            List<Object> p = space.pointAt(k);
            if (!excluded.contains(p)) {
                unused.add(p);
            }
        }
        if (unused.isEmpty()) {
            throw new SpaceExhaustedException(cardinality);
        }
        return unused.get(rng.nextInt(unused.size()));
    }
}
