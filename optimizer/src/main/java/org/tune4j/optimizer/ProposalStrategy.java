package org.tune4j.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.acquisition.AcquisitionFunction;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer.Proposal;
import org.tune4j.optimizer.acquisition.ExpectedImprovement;
import org.tune4j.optimizer.acquisition.GpHedge;
import org.tune4j.optimizer.acquisition.LowerConfidenceBound;
import org.tune4j.optimizer.acquisition.ProbabilityOfImprovement;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.ExtraTrees;
import org.tune4j.optimizer.surrogate.GaussianProcess;
import org.tune4j.optimizer.surrogate.RandomForest;
import org.tune4j.optimizer.surrogate.RegressionForest;
import org.tune4j.optimizer.surrogate.Surrogate;

/**
 * Turns an {@link OptimizerConfig} into objects: builds and fits the configured surrogate, picks
 * the next point with the configured acquisition (holding the GP-hedge gains), and draws random
 * unevaluated points. Package-private helper of {@link Optimizer}, which owns the trial history.
 */
final class ProposalStrategy {
    /** Below this many points a finite space is enumerated when random draws keep hitting used points. */
    private static final long ENUMERATION_LIMIT = 2_000_000;
    private static final int RANDOM_TRIES = 200;

    private final Space space;
    private final OptimizerConfig config;
    private final AcquisitionOptimizer acquisitionOptimizer;
    private final GpHedge hedge;            // null unless acquisition == HEDGE
    private List<double[]> hedgeProposals;  // each member's proposal at the last hedge round

    ProposalStrategy(Space space, OptimizerConfig config) {
        this.space = space;
        this.config = config;
        this.acquisitionOptimizer = new AcquisitionOptimizer(config.candidates(), config.refineFrom());
        this.hedge = config.acquisition() == AcquisitionKind.HEDGE
                ? GpHedge.standard(config.xi(), config.kappa(), config.hedgeEta()) : null;
    }

    /** A fresh surrogate of the configured kind, fitted on (xs, ys). */
    Surrogate fit(List<double[]> xs, List<Double> ys, RandomGenerator rng) {
        Surrogate s = switch (config.surrogate()) {
            case GP -> new GaussianProcess(GaussianProcess.Settings.defaults().withRestarts(config.gpRestarts()), rng);
            case RANDOM_FOREST -> new RandomForest(forestSettings(), rng);
            case EXTRA_TREES -> new ExtraTrees(forestSettings(), rng);
            case RANDOM -> throw new IllegalStateException("random search has no surrogate to fit");
        };
        double[] y = new double[ys.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i);
        }
        s.fit(xs.toArray(new double[0][]), y);
        return s;
    }

    private RegressionForest.Settings forestSettings() {
        return new RegressionForest.Settings(config.forestTrees(), config.forestMinLeaf());
    }

    /** The unexcluded point with the best acquisition value (empty when all scored points are excluded). */
    Optional<Proposal> propose(Surrogate model, double best, Set<List<Object>> excluded, RandomGenerator rng) {
        if (hedge == null) {
            return acquisitionOptimizer.maximize(space, model, acquisition(), best, excluded, rng);
        }
        if (hedgeProposals != null) {
            double[] means = new double[hedgeProposals.size()];
            for (int i = 0; i < means.length; i++) {
                means[i] = model.predict(hedgeProposals.get(i)).mean();
            }
            hedge.reward(means);
        }
        List<Optional<Proposal>> proposals = acquisitionOptimizer.maximizeEach(space, model, hedge.portfolio(), best,
                excluded, rng);
        if (proposals.stream().anyMatch(Optional::isEmpty)) {
            hedgeProposals = null;
            return Optional.empty();
        }
        hedgeProposals = new ArrayList<>();
        for (Optional<Proposal> p : proposals) {
            hedgeProposals.add(p.get().unit());
        }
        return proposals.get(hedge.choose(rng));
    }

    /** The GP-hedge gains (empty unless the acquisition is HEDGE). */
    double[] hedgeGains() {
        return hedge == null ? new double[0] : hedge.gains();
    }

    private AcquisitionFunction acquisition() {
        return switch (config.acquisition()) {
            case EI -> new ExpectedImprovement(config.xi());
            case PI -> new ProbabilityOfImprovement(config.xi());
            case LCB -> new LowerConfidenceBound(config.kappa());
            case HEDGE -> throw new IllegalStateException("hedge is a portfolio, not one function");
        };
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
