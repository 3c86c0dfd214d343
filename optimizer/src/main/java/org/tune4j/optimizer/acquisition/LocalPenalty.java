package org.tune4j.optimizer.acquisition;

import java.util.List;
import org.tune4j.optimizer.surrogate.DifferentiableSurrogate;
import org.tune4j.optimizer.surrogate.Prediction;

/**
 * The local penalizers of González, Dai, Hennig & Lawrence (2016), "Batch Bayesian optimization
 * via local penalization" (AISTATS), eq. 3-4, for minimization: a pending point x_j, whose value
 * the surrogate predicts as N(μ_j, σ_j²), excludes with some probability a ball around itself in
 * which, for an objective with Lipschitz constant L, no point can improve on the best value M:
 *
 * <pre>
 *   φ_j(x) = Φ((L ‖x - x_j‖ - (μ_j - M)) / σ_j)       (the paper's ½ erfc(-z), z = (…)/√(2σ_j²))
 *   penalty(x) = Π_j φ_j(x),   ∂φ_j/∂x = φ(z_j) L / σ_j · (x - x_j) / ‖x - x_j‖
 * </pre>
 * The acquisition maximizer multiplies a point's utility by {@code penalty(x)}, so the next point
 * of a batch moves away from the pending ones by as much as the model believes they will be
 * good. Distances and L are in unit-cube coordinates. Immutable.
 *
 * @param centers the pending points x_j (unit cube)
 * @param offsets μ_j - M for each pending point (≥ 0 unless the model predicts below the best)
 * @param stds    σ_j for each pending point (floored at 1e-12)
 * @param lipschitz L, an estimate of max ‖∇μ‖ (> 0)
 */
public record LocalPenalty(List<double[]> centers, double[] offsets, double[] stds, double lipschitz) {
    private static final double MIN_STD = 1e-12;

    public LocalPenalty {
        if (centers.size() != offsets.length || centers.size() != stds.length || !(lipschitz > 0)) {
            throw new IllegalArgumentException("LocalPenalty: expected one offset and std per center and a "
                    + "Lipschitz constant > 0, found " + centers.size() + " centers, " + offsets.length + " offsets, "
                    + stds.length + " stds, L = " + lipschitz);
        }
        centers = List.copyOf(centers);
    }

    /** The penalizers of pending points predicted as {@code at}, against the best value {@code best}. */
    public static LocalPenalty of(List<double[]> pending, Prediction[] at, double best, double lipschitz) {
        double[] offsets = new double[at.length];
        double[] stds = new double[at.length];
        for (int j = 0; j < at.length; j++) {
            offsets[j] = at[j].mean() - best;
            stds[j] = Math.max(at[j].std(), MIN_STD);
        }
        return new LocalPenalty(pending, offsets, stds, lipschitz);
    }

    /**
     * An estimate of L for the surrogate's mean: the largest ‖∇μ‖ over the given unit-cube points
     * (González et al. maximize it; the largest over many random points is the cheap version);
     * 10 when that is below 1e-7 (a flat model), as GPyOpt does.
     */
    public static double lipschitz(DifferentiableSurrogate model, List<double[]> points) {
        double max = 0;
        for (double[] x : points) {
            double[] g = model.predictWithGradient(x).dMean();
            double s = 0;
            for (double v : g) {
                s += v * v;
            }
            max = Math.max(max, Math.sqrt(s));
        }
        return max < 1e-7 ? 10 : max;
    }

    /** Π_j φ_j(x), with its gradient in x written into {@code gradient} when not null. */
    public double value(double[] x, double[] gradient) {
        int m = centers.size();
        double[] phi = new double[m];
        double[] dPhi = new double[m]; // ∂φ_j/∂‖x - x_j‖
        double[] distance = new double[m];
        double product = 1;
        for (int j = 0; j < m; j++) {
            double[] c = centers.get(j);
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += (x[i] - c[i]) * (x[i] - c[i]);
            }
            distance[j] = Math.sqrt(s);
            double z = (lipschitz * distance[j] - offsets[j]) / stds[j];
            phi[j] = Gaussian.cdf(z);
            dPhi[j] = Gaussian.pdf(z) * lipschitz / stds[j];
            product *= phi[j];
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
            for (int j = 0; j < m; j++) {
                if (distance[j] == 0) {
                    continue; // the cone's tip: no direction
                }
                double others = 1;
                for (int k = 0; k < m; k++) {
                    others *= k == j ? 1 : phi[k];
                }
                double[] c = centers.get(j);
                for (int i = 0; i < x.length; i++) {
                    gradient[i] += others * dPhi[j] * (x[i] - c[i]) / distance[j];
                }
            }
        }
        return product;
    }
}
