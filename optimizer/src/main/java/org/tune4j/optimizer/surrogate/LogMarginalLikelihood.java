package org.tune4j.optimizer.surrogate;

import org.tune4j.optimizer.numeric.Cholesky;
import org.tune4j.optimizer.numeric.NotPositiveDefiniteException;

/**
 * The log marginal likelihood of a zero-mean GP with kernel {@code c·Matern52(l) + s²·I} and its
 * analytic gradient in the log hyper-parameters {@code θ = [log c, log l_1 .. log l_d, log s²]}.
 *
 * <pre>
 *   K = c·M(l) + (s² + ε) I,  L = chol(K),  α = K⁻¹ y                   (Rasmussen & Williams, Alg. 2.1)
 *   log p(y | X, θ) = -½ yᵀα - Σ_i log L_ii - n/2 log 2π
 *   ∂ log p / ∂θ_j  = ½ tr((α αᵀ - K⁻¹) ∂K/∂θ_j)                        (R&W eq. 5.9)
 *   ∂K/∂log c = c·M,  ∂K/∂log s² = s² I,  ∂K_pq/∂log l_i = c·5/3 (1 + √5 r) e^{-√5 r} (x_pi - x_qi)² / l_i²
 * </pre>
 * where ε = 1e-10 is scikit-learn's fixed {@code alpha}. Cost per evaluation: O(n³) for the
 * factorization and the inverse, O(n² d) for the kernel and the traces.
 */
public final class LogMarginalLikelihood {
    /** Fixed diagonal regularization, as scikit-learn's GaussianProcessRegressor(alpha=1e-10). */
    static final double EPSILON = 1e-10;

    private final double[] x; // (n, d) row-major
    private final double[] y; // (n)
    private final int n;
    private final int d;

    public LogMarginalLikelihood(double[][] x, double[] y) {
        this.n = x.length;
        this.d = x[0].length;
        this.x = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, this.x, i * d, d);
        }
        this.y = y.clone();
    }

    /** Number of hyper-parameters: d + 2. */
    public int parameterCount() {
        return d + 2;
    }

    /** log p(y | X, θ) without the gradient. */
    public double value(double[] theta) {
        return evaluate(theta, null);
    }

    /**
     * Returns log p(y | X, θ) and writes its gradient into {@code gradient} (length d + 2) when not
     * null. Returns -∞ (and a zero gradient) when K is not positive definite even with jitter.
     */
    public double evaluate(double[] theta, double[] gradient) {
        double amplitude = Math.exp(theta[0]);
        double noise = Math.exp(theta[d + 1]);
        double[] inverseSquaredScale = new double[d];
        for (int i = 0; i < d; i++) {
            inverseSquaredScale[i] = Math.exp(-2 * theta[1 + i]);
        }
        double[] k = new double[n * n];      // (n, n) full K
        double[] slope = new double[n * n];  // (n, n) c·5/3 (1 + √5 r) e^{-√5 r}, lower triangle
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                double r = Math.sqrt(scaledSquaredDistance(p, q, inverseSquaredScale));
                double e = amplitude * Math.exp(-Matern52Kernel.SQRT5 * r);
                double kpq = (1 + Matern52Kernel.SQRT5 * r + 5.0 / 3.0 * r * r) * e;
                k[p * n + q] = kpq;
                k[q * n + p] = kpq;
                slope[p * n + q] = 5.0 / 3.0 * (1 + Matern52Kernel.SQRT5 * r) * e;
            }
            k[p * n + p] += noise + EPSILON;
        }
        Cholesky chol;
        try {
            chol = Cholesky.factor(k, n);
        } catch (NotPositiveDefiniteException e) {
            if (gradient != null) {
                java.util.Arrays.fill(gradient, 0.0);
            }
            return Double.NEGATIVE_INFINITY;
        }
        double[] alpha = chol.solve(y);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double value = -0.5 * fit - 0.5 * chol.logDeterminant() - 0.5 * n * Math.log(2 * Math.PI);
        if (gradient != null) {
            gradient(chol.inverse(), alpha, k, slope, noise, inverseSquaredScale, gradient);
        }
        return value;
    }

    private void gradient(double[] kInverse, double[] alpha, double[] k, double[] slope, double noise,
            double[] inverseSquaredScale, double[] gradient) {
        java.util.Arrays.fill(gradient, 0.0);
        double[] lengthTerms = new double[d];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                double w = alpha[p] * alpha[q] - kInverse[p * n + q]; // (α αᵀ - K⁻¹)_pq
                double weight = p == q ? 0.5 : 1.0; // symmetric: off-diagonal pairs count twice, halved
                double signal = p == q ? k[p * n + p] - noise - EPSILON : k[p * n + q];
                gradient[0] += weight * w * signal;
                if (p == q) {
                    gradient[d + 1] += 0.5 * w * noise;
                    continue;
                }
                double s = w * slope[p * n + q];
                for (int i = 0; i < d; i++) {
                    double diff = x[p * d + i] - x[q * d + i];
                    lengthTerms[i] += s * diff * diff;
                }
            }
        }
        for (int i = 0; i < d; i++) {
            gradient[1 + i] = lengthTerms[i] * inverseSquaredScale[i];
        }
    }

    private double scaledSquaredDistance(int p, int q, double[] inverseSquaredScale) {
        double r2 = 0;
        int op = p * d;
        int oq = q * d;
        for (int i = 0; i < d; i++) {
            double t = x[op + i] - x[oq + i];
            r2 += t * t * inverseSquaredScale[i];
        }
        return r2;
    }
}
