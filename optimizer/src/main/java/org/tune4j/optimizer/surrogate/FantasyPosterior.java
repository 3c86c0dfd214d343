package org.tune4j.optimizer.surrogate;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.numeric.Cholesky;
import org.tune4j.optimizer.numeric.NotPositiveDefiniteException;

/**
 * A Gaussian process given P pending points observed at M fantasized outcomes, for the Monte Carlo
 * acquisition of Snoek, Larochelle & Adams (2012, "Practical Bayesian Optimization of Machine
 * Learning Algorithms", section 3.3): the outcomes y_m at the pending points X_p are M joint draws
 * from the GP's predictive distribution, {@code y_m ~ N(μ(X_p), Σ_pp + s² I)} (Σ_pp the posterior
 * covariance of eq. 2.24 of Rasmussen & Williams, s² the white noise), drawn from the given
 * generator (deterministic for a seed).
 *
 * <p>Why one conditioning serves all M fantasies (hyper-parameters fixed): conditioning on
 * (X_p, y_m) gives, with K_c the kernel matrix of the observations and the pending points and
 * k_c(x) the kernel vector (R&amp;W eq. 2.25-2.26),
 * <pre>
 *   μ_m(x) = k_c(x)ᵀ K_c⁻¹ [y; y_m]   = μ_c(x) + w(x)ᵀ (y_m - μ(X_p)),  w(x) = the last P entries of K_c⁻¹ k_c(x)
 *   σ_c²(x) = k(x, x) - k_c(x)ᵀ K_c⁻¹ k_c(x)                              (no y_m in it)
 * </pre>
 * (μ_c = μ: conditioning on the GP's own mean leaves it unchanged). So K_c is factored once
 * ({@link GaussianProcess#conditionedOn}, a bordered Cholesky), {@code α_m = K_c⁻¹ [y; y_m]} is
 * solved once per fantasy, and a candidate costs one variance plus M dot products
 * {@code k_c(x)ᵀ α_m}. Targets are in the GP's normalized units inside, objective units outside.
 *
 * <p>Not a {@link Surrogate}: a prediction has M means and one standard deviation. Immutable.
 */
public final class FantasyPosterior {
    /** Points per block in batched prediction. */
    private static final int PREDICT_BLOCK = 256;

    /** M means (one per fantasy) and the shared standard deviation at one point, objective units. */
    public record Fantasized(double[] means, double std) {
    }

    /**
     * As {@link Fantasized} with the gradients in the unit-cube input: {@code dMeans[m][i] = ∂μ_m/∂x_i},
     * {@code dStd[i] = ∂σ_c/∂x_i}.
     */
    public record FantasizedGradient(double[] means, double std, double[][] dMeans, double[] dStd) {
    }

    private final GaussianProcess conditioned; // the GP conditioned on the pending points (values immaterial)
    private final double[][] outcomes;         // (M, P) fantasized outcomes at the pending points
    private final double[][] alphas;           // (M, n + P) K_c⁻¹ [y; y_m], normalized
    private final double[] rows;               // (n + P, d) training inputs of the conditioned GP
    private final int d;

    private FantasyPosterior(GaussianProcess conditioned, double[][] outcomes, double[][] alphas) {
        this.conditioned = conditioned;
        this.outcomes = outcomes;
        this.alphas = alphas;
        int size = conditioned.size();
        this.d = conditioned.trainRow(0).length;
        this.rows = new double[size * d];
        for (int p = 0; p < size; p++) {
            System.arraycopy(conditioned.trainRow(p), 0, rows, p * d, d);
        }
    }

    /**
     * {@code samples} fantasies of the outcomes at {@code pending} (unit cube) under {@code gp}, drawn
     * from {@code rng}. Empty when the kernel matrix extended by the pending points is numerically
     * singular (a pending point on top of an observation with no noise; the caller falls back).
     *
     * @throws IllegalArgumentException when there are no pending points or samples < 1
     */
    public static Optional<FantasyPosterior> of(GaussianProcess gp, double[][] pending, int samples,
            RandomGenerator rng) {
        if (pending.length == 0 || samples < 1) {
            throw new IllegalArgumentException("FantasyPosterior: expected at least 1 pending point and 1 sample, "
                    + "found " + pending.length + " and " + samples);
        }
        int p = pending.length;
        double[] mu = new double[p];
        Prediction[] at = gp.predict(pending);
        for (int j = 0; j < p; j++) {
            mu[j] = at[j].mean();
        }
        double[] cov = gp.posteriorCovariance(pending); // Σ_pp, then + s² I: the outcomes' covariance
        for (int j = 0; j < p; j++) {
            cov[j * p + j] += gp.noiseVariance();
        }
        Optional<Surrogate> c = gp.conditionedOn(pending, mu);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Cholesky root;
        try {
            root = Cholesky.factor(cov, p);
        } catch (NotPositiveDefiniteException e) {
            return Optional.empty();
        }
        GaussianProcess conditioned = (GaussianProcess) c.get();
        double[][] outcomes = new double[samples][p];
        double[][] alphas = new double[samples][];
        double[] targets = conditioned.normalizedTargets(); // [y; μ(X_p)], normalized
        int n = targets.length - p;
        for (int m = 0; m < samples; m++) {
            double[] z = new double[p];
            for (int j = 0; j < p; j++) {
                z[j] = rng.nextGaussian();
            }
            for (int j = 0; j < p; j++) { // y_m = μ + L z
                double s = mu[j];
                for (int k = 0; k <= j; k++) {
                    s += root.get(j, k) * z[k];
                }
                outcomes[m][j] = s;
                targets[n + j] = (s - conditioned.targetMean()) / conditioned.targetScale();
            }
            alphas[m] = conditioned.factor().solve(targets);
        }
        return Optional.of(new FantasyPosterior(conditioned, outcomes, alphas));
    }

    /** M, the number of fantasies. */
    public int samples() {
        return outcomes.length;
    }

    /** The fantasized outcomes of fantasy m at the pending points, objective units (a copy). */
    public double[] outcomes(int m) {
        return outcomes[m].clone();
    }

    /** The lowest fantasized outcome of fantasy m. */
    public double lowestOutcome(int m) {
        return Arrays.stream(outcomes[m]).min().orElseThrow();
    }

    /** The M means and the shared standard deviation at each point (unit cube). */
    public Fantasized[] predict(double[][] xs) {
        Fantasized[] out = new Fantasized[xs.length];
        for (int from = 0; from < xs.length; from += PREDICT_BLOCK) {
            predictBlock(xs, from, Math.min(xs.length, from + PREDICT_BLOCK), out);
        }
        return out;
    }

    private void predictBlock(double[][] xs, int from, int to, Fantasized[] out) {
        int size = conditioned.size();
        int b = to - from;
        int samples = alphas.length;
        Matern52Kernel kernel = conditioned.kernel();
        double[][] v = new double[size][b]; // (n + P, b): k_c(x_j), then L_c⁻¹ k_c(x_j)
        double[][] means = new double[b][samples];
        double[] row = new double[d];
        for (int q = 0; q < size; q++) {
            System.arraycopy(rows, q * d, row, 0, d);
            for (int j = 0; j < b; j++) {
                double k = kernel.value(row, xs[from + j]);
                v[q][j] = k;
                for (int m = 0; m < samples; m++) {
                    means[j][m] += alphas[m][q] * k;
                }
            }
        }
        conditioned.factor().solveLowerInPlace(v);
        double mean0 = conditioned.targetMean();
        double scale = conditioned.targetScale();
        for (int j = 0; j < b; j++) {
            double var = kernel.amplitude();
            for (int q = 0; q < size; q++) {
                var -= v[q][j] * v[q][j];
            }
            for (int m = 0; m < samples; m++) {
                means[j][m] = mean0 + scale * means[j][m];
            }
            out[from + j] = new Fantasized(means[j], scale * Math.sqrt(Math.max(var, 0.0)));
        }
    }

    /**
     * The M means and the standard deviation at x with their gradients:
     * {@code ∂μ_m/∂x = Σ_q α_m[q] ∂k_c[q]/∂x} and {@code ∂σ_c/∂x = -(K_c⁻¹ k_c)ᵀ ∂k_c/∂x / σ_c}
     * (normalized units, then scaled).
     */
    public FantasizedGradient predictWithGradient(double[] x) {
        int size = conditioned.size();
        int samples = alphas.length;
        Matern52Kernel kernel = conditioned.kernel();
        double[] kStar = new double[size];
        double[][] dk = new double[size][d]; // ∂k_c[q]/∂x
        double[] row = new double[d];
        for (int q = 0; q < size; q++) {
            System.arraycopy(rows, q * d, row, 0, d);
            kStar[q] = kernel.valueAndGradient(x, row, dk[q]);
        }
        double scale = conditioned.targetScale();
        double[] means = new double[samples];
        double[][] dMeans = new double[samples][d];
        for (int m = 0; m < samples; m++) {
            double s = 0;
            for (int q = 0; q < size; q++) {
                s += alphas[m][q] * kStar[q];
                for (int i = 0; i < d; i++) {
                    dMeans[m][i] += scale * alphas[m][q] * dk[q][i];
                }
            }
            means[m] = conditioned.targetMean() + scale * s;
        }
        double[] beta = conditioned.factor().solve(kStar); // K_c⁻¹ k_c
        double var = kernel.amplitude();
        for (int q = 0; q < size; q++) {
            var -= kStar[q] * beta[q];
        }
        double std = Math.sqrt(Math.max(var, 0.0));
        double[] dStd = new double[d];
        if (std > 1e-12) {
            for (int q = 0; q < size; q++) {
                for (int i = 0; i < d; i++) {
                    dStd[i] -= scale * beta[q] * dk[q][i] / std;
                }
            }
        }
        return new FantasizedGradient(means, scale * std, dMeans, dStd);
    }
}
