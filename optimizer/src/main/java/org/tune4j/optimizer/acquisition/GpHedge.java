package org.tune4j.optimizer.acquisition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer.Proposal;

/**
 * The GP-hedge portfolio of acquisition functions (Hoffman, Brochu & de Freitas 2011, Alg. 2), as
 * scikit-optimize's {@code acq_func="gp_hedge"}: at each round every member proposes its own
 * maximizer (over one shared set of candidates); one proposal is chosen with probability
 * {@code softmax(eta · gains)}; at the next round, with the surrogate refitted on the new
 * observation, each member's gain grows by minus the new surrogate mean at the point it proposed
 * ({@code gains_i -= mean(x_i)}), so members whose proposals the model now believes good are
 * chosen more often.
 *
 * <p>Life cycle: a policy with state (the gains and the last round's proposals), so it
 * {@link #remembersRounds}; owned by one optimizer, mutable and not thread-safe.
 */
public final class GpHedge implements AcquisitionPolicy {
    /** The softmax temperature eta of GP-hedge, default 1. */
    public static final Parameter ETA = Parameter.positive("eta", 1.0, "softmax temperature of GP-hedge");

    private final List<AcquisitionFunction> portfolio;
    private final double eta;
    private final double[] gains;
    private List<double[]> lastProposals; // unit points each member proposed at the last round, or null

    public GpHedge(List<AcquisitionFunction> portfolio, double eta) {
        if (portfolio.isEmpty() || !(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("GpHedge: expected a non-empty portfolio and finite eta > 0, found "
                    + portfolio.size() + " members and eta " + eta);
        }
        this.portfolio = List.copyOf(portfolio);
        this.eta = eta;
        this.gains = new double[portfolio.size()];
    }

    /** scikit-optimize's portfolio [EI(xi), LCB(kappa), PI(xi)]. */
    public static GpHedge standard(double xi, double kappa, double eta) {
        return new GpHedge(List.of(new ExpectedImprovement(xi), new LowerConfidenceBound(kappa),
                new ProbabilityOfImprovement(xi)), eta);
    }

    /** Rewards the members for the last round, then chooses among this round's proposals. */
    @Override
    public Optional<Proposal> propose(Round r) {
        if (lastProposals != null) {
            double[] means = new double[lastProposals.size()];
            for (int i = 0; i < means.length; i++) {
                means[i] = r.model().predict(lastProposals.get(i)).mean();
            }
            reward(means);
        }
        List<Optional<Proposal>> proposals = r.maximizer().maximizeEach(r.space(), r.model(), portfolio, r.best(),
                r.excluded(), r.rng());
        if (proposals.stream().anyMatch(Optional::isEmpty)) {
            lastProposals = null;
            return Optional.empty();
        }
        lastProposals = new ArrayList<>();
        for (Optional<Proposal> p : proposals) {
            lastProposals.add(p.get().unit());
        }
        return proposals.get(choose(r.rng()));
    }

    @Override
    public boolean remembersRounds() {
        return true;
    }

    public double[] gains() {
        return gains.clone();
    }

    /** softmax(eta · gains), computed with the maximum subtracted for stability. */
    public double[] probabilities() {
        double max = Double.NEGATIVE_INFINITY;
        for (double g : gains) {
            max = Math.max(max, g);
        }
        double[] p = new double[gains.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(eta * (gains[i] - max));
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Draws the index of the member whose proposal is used this round. */
    public int choose(RandomGenerator rng) {
        double[] p = probabilities();
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** Adds {@code -mean_i} to gain i, where mean_i is the refitted surrogate's mean at member i's last proposal. */
    public void reward(double[] meansAtProposals) {
        if (meansAtProposals.length != gains.length) {
            throw new IllegalArgumentException("GpHedge: expected " + gains.length + " means, found "
                    + meansAtProposals.length);
        }
        for (int i = 0; i < gains.length; i++) {
            gains[i] -= meansAtProposals[i];
        }
    }

    /** GP-hedge's registration: parameters xi (EI, PI), kappa (LCB) and eta. */
    public record Factory() implements AcquisitionFactory {
        @Override
        public String name() {
            return "hedge";
        }

        @Override
        public String description() {
            return "GP-hedge portfolio of EI, LCB and PI (Hoffman et al. 2011)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(ExpectedImprovement.XI, LowerConfidenceBound.KAPPA, ETA);
        }

        @Override
        public AcquisitionPolicy create(Map<String, Double> p) {
            return standard(p.get(ExpectedImprovement.XI.name()), p.get(LowerConfidenceBound.KAPPA.name()),
                    p.get(ETA.name()));
        }
    }
}
