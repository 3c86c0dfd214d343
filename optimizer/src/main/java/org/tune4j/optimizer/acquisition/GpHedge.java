package org.tune4j.optimizer.acquisition;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The GP-hedge portfolio of acquisition functions (Hoffman, Brochu & de Freitas 2011, Alg. 2), as
 * scikit-optimize's {@code acq_func="gp_hedge"}: at each step every member proposes its own
 * maximizer; one proposal is chosen with probability {@code softmax(eta · gains)}; once the
 * surrogate has been refitted with the new observation, each member's gain grows by minus the
 * new surrogate mean at the point it proposed ({@code gains_i -= mean(x_i)}), so members whose
 * proposals the model now believes good are chosen more often.
 *
 * <p>Life cycle: {@link #choose} then, after the next fit, {@link #reward} with the new means at the
 * proposals of the last round. Mutable and not thread-safe: owned by one optimizer.
 */
public final class GpHedge {
    private final List<AcquisitionFunction> portfolio;
    private final double eta;
    private final double[] gains;

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

    public List<AcquisitionFunction> portfolio() {
        return portfolio;
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
}
