package org.tune4j.optimizer.surrogate;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.numeric.BoundedLbfgs;
import org.tune4j.optimizer.numeric.Cholesky;

/**
 * Gaussian-process regression on the unit cube, configured as scikit-optimize's {@code gp_minimize}:
 * kernel {@code c · Matern52(l_1..l_d) + s² · I}, targets normalized to zero mean and unit variance,
 * hyper-parameters fitted by maximizing the log marginal likelihood ({@link LogMarginalLikelihood},
 * Rasmussen & Williams Alg. 2.1 and eq. 5.9) with {@link BoundedLbfgs} in log space inside the
 * bounds of {@link Settings}, from the default start (c = 1, l = 1, s² = 1) plus
 * {@code restarts} starts drawn uniformly in the log bounds.
 *
 * <p>No warm start from an earlier fit: the fit depends only on the data and the generator, so a
 * resumed study refits exactly as the uninterrupted one did.
 *
 * <p>Predictions are of the latent function (the white noise is left out of the predictive
 * standard deviation, as scikit-optimize does): with {@code k* = c·M(x, X)},
 * {@code mean = k*ᵀ α} and {@code var = c - |L⁻¹ k*|²} (clipped at 0), then de-normalized.
 */
public final class GaussianProcess implements DifferentiableSurrogate {

    /**
     * Bounds of the hyper-parameters (natural units, normalized targets) and fit effort.
     * Defaults ({@link #defaults()}) are scikit-optimize's: c in [0.01, 1000], l in [0.01, 100],
     * s² in [1e-5, 1e5]; 2 restarts.
     */
    public record Settings(int restarts, double minAmplitude, double maxAmplitude, double minLengthScale,
            double maxLengthScale, double minNoise, double maxNoise, int maxIterations) {
        public Settings {
            if (restarts < 0 || maxIterations < 1) {
                throw new IllegalArgumentException("GaussianProcess.Settings: expected restarts >= 0 and "
                        + "maxIterations >= 1, found " + restarts + ", " + maxIterations);
            }
            requireRange("amplitude", minAmplitude, maxAmplitude);
            requireRange("length scale", minLengthScale, maxLengthScale);
            requireRange("noise", minNoise, maxNoise);
        }

        public static Settings defaults() {
            return new Settings(2, 0.01, 1000, 0.01, 100, 1e-5, 1e5, 200);
        }

        public Settings withRestarts(int r) {
            return new Settings(r, minAmplitude, maxAmplitude, minLengthScale, maxLengthScale, minNoise, maxNoise,
                    maxIterations);
        }

        public Settings withNoiseBounds(double low, double high) {
            return new Settings(restarts, minAmplitude, maxAmplitude, minLengthScale, maxLengthScale, low, high,
                    maxIterations);
        }

        private static void requireRange(String what, double low, double high) {
            if (!(low > 0 && low <= high && Double.isFinite(high))) {
                throw new IllegalArgumentException("GaussianProcess.Settings: expected 0 < min " + what
                        + " <= max " + what + ", found [" + low + ", " + high + "]");
            }
        }
    }

    private final Settings settings;
    private final RandomGenerator rng;

    private int d;
    private double yMean;
    private double yScale;
    private double[] theta;        // fitted [log c, log l.., log s²]
    private double logLikelihood;
    private double[] trainX;       // (n, d) row-major
    private double[] alpha;        // (n) K⁻¹ y_normalized
    private Cholesky cholesky;
    private Matern52Kernel kernel;

    public GaussianProcess(Settings settings, RandomGenerator rng) {
        this.settings = settings;
        this.rng = rng;
    }

    @Override
    public void fit(double[][] x, double[] y) {
        Surrogate.checkData(x, y);
        int n = x.length;
        d = x[0].length;
        yMean = Arrays.stream(y).average().orElse(0);
        double var = 0;
        for (double v : y) {
            var += (v - yMean) * (v - yMean);
        }
        double sd = Math.sqrt(var / n);
        yScale = sd > 0 ? sd : 1.0;
        double[] yNormalized = new double[n];
        for (int i = 0; i < n; i++) {
            yNormalized[i] = (y[i] - yMean) / yScale;
        }
        LogMarginalLikelihood lml = new LogMarginalLikelihood(x, yNormalized);
        theta = fitHyperParameters(lml);
        logLikelihood = lml.value(theta);
        condition(x, yNormalized);
    }

    private double[] fitHyperParameters(LogMarginalLikelihood lml) {
        double[][] bounds = logBounds();
        BoundedLbfgs lbfgs = new BoundedLbfgs(10, settings.maxIterations(), 1e-5, 1e-9);
        BoundedLbfgs.Objective negative = (t, g) -> {
            double v = lml.evaluate(t, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return -v;
        };
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int start = 0; start <= settings.restarts(); start++) {
            double[] t0 = new double[d + 2];
            for (int i = 0; i < t0.length; i++) {
                t0[i] = start == 0 ? 0.0 : bounds[0][i] + rng.nextDouble() * (bounds[1][i] - bounds[0][i]);
            }
            if (!Double.isFinite(lml.value(t0))) {
                continue;
            }
            BoundedLbfgs.Result r = lbfgs.minimize(negative, t0, bounds[0], bounds[1]);
            if (r.value() < bestValue) {
                bestValue = r.value();
                best = r.x();
            }
        }
        if (best == null) {
            throw new ArithmeticException("GaussianProcess: the kernel matrix of " + lml.parameterCount()
                    + " hyper-parameters was singular at every start point");
        }
        return best;
    }

    private double[][] logBounds() {
        double[] low = new double[d + 2];
        double[] high = new double[d + 2];
        low[0] = Math.log(settings.minAmplitude());
        high[0] = Math.log(settings.maxAmplitude());
        for (int i = 1; i <= d; i++) {
            low[i] = Math.log(settings.minLengthScale());
            high[i] = Math.log(settings.maxLengthScale());
        }
        low[d + 1] = Math.log(settings.minNoise());
        high[d + 1] = Math.log(settings.maxNoise());
        return new double[][] {low, high};
    }

    /** Factors K at the fitted θ and stores α for prediction. */
    private void condition(double[][] x, double[] yNormalized) {
        int n = x.length;
        double[] lengthScales = new double[d];
        for (int i = 0; i < d; i++) {
            lengthScales[i] = Math.exp(theta[1 + i]);
        }
        kernel = new Matern52Kernel(Math.exp(theta[0]), lengthScales);
        trainX = new double[n * d];
        double[] k = new double[n * n];
        for (int p = 0; p < n; p++) {
            System.arraycopy(x[p], 0, trainX, p * d, d);
            for (int q = 0; q <= p; q++) {
                double v = kernel.value(x[p], x[q]);
                k[p * n + q] = v;
                k[q * n + p] = v;
            }
            k[p * n + p] += noise() + LogMarginalLikelihood.EPSILON;
        }
        cholesky = Cholesky.factor(k, n);
        alpha = cholesky.solve(yNormalized);
    }

    @Override
    public Prediction predict(double[] x) {
        return predict(new double[][] {x})[0];
    }

    /** Batched prediction: V = L⁻¹ K*ᵀ is solved for all points at once (inner loops run over points). */
    @Override
    public Prediction[] predict(double[][] xs) {
        requireFitted();
        int n = alpha.length;
        int m = xs.length;
        double[] v = new double[n * m]; // (n, m): column j is k*(x_j), then L⁻¹ k*(x_j)
        double[] mean = new double[m];
        double[] row = new double[d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(trainX, p * d, row, 0, d);
            for (int j = 0; j < m; j++) {
                double kpj = kernel.value(row, xs[j]);
                v[p * m + j] = kpj;
                mean[j] += alpha[p] * kpj;
            }
        }
        double[] l = cholesky.lower();
        for (int p = 0; p < n; p++) { // forward substitution, row by row
            int rp = p * m;
            for (int q = 0; q < p; q++) {
                double lpq = l[p * n + q];
                int rq = q * m;
                for (int j = 0; j < m; j++) {
                    v[rp + j] -= lpq * v[rq + j];
                }
            }
            double inv = 1.0 / l[p * n + p];
            for (int j = 0; j < m; j++) {
                v[rp + j] *= inv;
            }
        }
        double[] var = new double[m];
        Arrays.fill(var, kernel.amplitude());
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < m; j++) {
                var[j] -= v[p * m + j] * v[p * m + j];
            }
        }
        Prediction[] out = new Prediction[m];
        for (int j = 0; j < m; j++) {
            out[j] = new Prediction(yMean + yScale * mean[j], yScale * Math.sqrt(Math.max(var[j], 0.0)));
        }
        return out;
    }

    @Override
    public PredictionGradient predictWithGradient(double[] x) {
        requireFitted();
        int n = alpha.length;
        double[] kStar = new double[n];
        double[][] dk = new double[n][d]; // ∂k*_p/∂x
        double[] row = new double[d];
        double mean = 0;
        double[] dMean = new double[d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(trainX, p * d, row, 0, d);
            kStar[p] = kernel.valueAndGradient(x, row, dk[p]);
            mean += alpha[p] * kStar[p];
            for (int i = 0; i < d; i++) {
                dMean[i] += alpha[p] * dk[p][i];
            }
        }
        double[] v = kStar.clone();
        cholesky.solveLowerInPlace(v);
        double var = kernel.amplitude();
        for (double vi : v) {
            var -= vi * vi;
        }
        double[] beta = v.clone(); // K⁻¹ k*
        cholesky.solveUpperInPlace(beta);
        double std = Math.sqrt(Math.max(var, 0.0));
        double[] dStd = new double[d];
        if (std > 1e-12) { // ∂std = -(K⁻¹k*)ᵀ ∂k* / std
            for (int p = 0; p < n; p++) {
                for (int i = 0; i < d; i++) {
                    dStd[i] -= beta[p] * dk[p][i] / std;
                }
            }
        }
        for (int i = 0; i < d; i++) {
            dMean[i] *= yScale;
            dStd[i] *= yScale;
        }
        return new PredictionGradient(yMean + yScale * mean, yScale * std, dMean, dStd);
    }

    private void requireFitted() {
        if (alpha == null) {
            throw new IllegalStateException("GaussianProcess: call fit before predict");
        }
    }

    /** Fitted log hyper-parameters [log c, log l_1 .. log l_d, log s²] (normalized targets). */
    public double[] theta() {
        requireFitted();
        return theta.clone();
    }

    public Matern52Kernel kernel() {
        requireFitted();
        return kernel;
    }

    /** Fitted white-noise variance s² in normalized target units. */
    public double noise() {
        return Math.exp(theta[d + 1]);
    }

    /** log p(y | X, θ) at the fitted θ (normalized targets). */
    public double logMarginalLikelihood() {
        requireFitted();
        return logLikelihood;
    }

    /** Diagonal jitter the final Cholesky needed (0 in the common case). */
    public double jitter() {
        requireFitted();
        return cholesky.jitter();
    }

    @Override
    public String toString() {
        return alpha == null ? "GaussianProcess(unfitted)"
                : String.format("GaussianProcess(n=%d, c=%.3g, l=%s, noise=%.3g)", alpha.length,
                        kernel.amplitude(), Arrays.toString(kernel.lengthScales()), noise());
    }
}
