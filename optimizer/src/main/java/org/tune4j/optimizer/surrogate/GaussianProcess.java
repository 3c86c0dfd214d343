package org.tune4j.optimizer.surrogate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.numeric.BoundedLbfgs;
import org.tune4j.optimizer.numeric.Cholesky;
import org.tune4j.optimizer.numeric.NotPositiveDefiniteException;

/**
 * Gaussian-process regression on the unit cube, configured as scikit-optimize's {@code gp_minimize}:
 * kernel {@code c · Matern52(l_1..l_d) + s² · I}, targets normalized to zero mean and unit variance,
 * hyper-parameters fitted by maximizing the log marginal likelihood ({@link LogMarginalLikelihood},
 * Rasmussen & Williams Alg. 2.1 and eq. 5.9) with {@link BoundedLbfgs} in log space inside the
 * bounds of {@link Settings}, from the default start (c = 1, l = 1, s² = 1) plus
 * {@code restarts} random starts (see {@link #fitHyperParameters}).
 *
 * <p>No warm start from an earlier fit: the fit depends only on the data and the generator, so a
 * resumed study refits exactly as the uninterrupted one did. Between fits, {@link #conditionedOn}
 * adds observations at fixed hyper-parameters (the optimizer does so past 200 observations).
 *
 * <p>Predictions are of the latent function (the white noise is left out of the predictive
 * standard deviation, as scikit-optimize does): with {@code k* = c·M(x, X)},
 * {@code mean = k*ᵀ α} and {@code var = c - |L⁻¹ k*|²} (clipped at 0), then de-normalized.
 */
public final class GaussianProcess implements DifferentiableSurrogate {
    /** Random hyper-parameter vectors screened (by likelihood value) per restart. */
    private static final int SCREENED_PER_RESTART = 5;
    /** L-BFGS iterations every start gets before the best one is run to convergence. */
    private static final int SCOUT_ITERATIONS = 10;
    /** Points per block in batched prediction. */
    private static final int PREDICT_BLOCK = 256;

    /**
     * Bounds of the hyper-parameters (natural units, normalized targets) and fit effort.
     * Defaults ({@link #defaults()}) are scikit-optimize's: c in [0.01, 1000], l in [0.01, 100],
     * s² in [1e-5, 1e5]; 2 restarts; and ours: past {@code fitSubset} = 200 observations the
     * hyper-parameters are fitted on a random subset of 200 of them (the subset-of-data
     * approximation, Rasmussen & Williams section 8.3.3), the GP then conditioning on all.
     */
    public record Settings(int restarts, double minAmplitude, double maxAmplitude, double minLengthScale,
            double maxLengthScale, double minNoise, double maxNoise, int maxIterations, int fitSubset) {
        public Settings {
            if (restarts < 0 || maxIterations < 1 || fitSubset < 2) {
                throw new IllegalArgumentException("GaussianProcess.Settings: expected restarts >= 0, "
                        + "maxIterations >= 1 and fitSubset >= 2, found " + restarts + ", " + maxIterations + ", "
                        + fitSubset);
            }
            requireRange("amplitude", minAmplitude, maxAmplitude);
            requireRange("length scale", minLengthScale, maxLengthScale);
            requireRange("noise", minNoise, maxNoise);
        }

        public static Settings defaults() {
            return new Settings(2, 0.01, 1000, 0.01, 100, 1e-5, 1e5, 200, 200);
        }

        public Settings withRestarts(int r) {
            return new Settings(r, minAmplitude, maxAmplitude, minLengthScale, maxLengthScale, minNoise, maxNoise,
                    maxIterations, fitSubset);
        }

        public Settings withFitSubset(int m) {
            return new Settings(restarts, minAmplitude, maxAmplitude, minLengthScale, maxLengthScale, minNoise,
                    maxNoise, maxIterations, m);
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
    private double[] trainX;       // (n, d) row-major
    private double[] yNormalized;  // (n)
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
        theta = fitHyperParameters(likelihoodOnSubset(x, yNormalized));
        condition(x, yNormalized);
    }

    /** The likelihood of all observations, or of a random {@code fitSubset} of them when there are more. */
    private LogMarginalLikelihood likelihoodOnSubset(double[][] x, double[] yNormalized) {
        int n = x.length;
        int m = settings.fitSubset();
        if (n <= m) {
            return new LogMarginalLikelihood(x, yNormalized);
        }
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        double[][] xs = new double[m][];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) { // partial Fisher-Yates shuffle
            int j = i + rng.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
            xs[i] = x[index[i]];
            ys[i] = yNormalized[index[i]];
        }
        return new LogMarginalLikelihood(xs, ys);
    }

    private GaussianProcess(GaussianProcess fitted) {
        this.settings = fitted.settings;
        this.rng = fitted.rng;
        this.d = fitted.d;
        this.yMean = fitted.yMean;
        this.yScale = fitted.yScale;
        this.theta = fitted.theta;
        this.kernel = fitted.kernel;
    }

    /**
     * This GP also conditioned on (x, y), with the same hyper-parameters and target normalization
     * and without refitting: the Cholesky factor is extended ({@link Cholesky#extend}, O(n² m)
     * for m new points) and α solved again (O(n²)). Conditioning on a point at the GP's own mean
     * there leaves the mean unchanged everywhere (the Kriging believer's property). Empty when
     * the extended kernel matrix is numerically singular (the caller then refits).
     */
    @Override
    public Optional<Surrogate> conditionedOn(double[][] x, double[] y) {
        requireFitted();
        Surrogate.checkData(x, y);
        int n = alpha.length;
        int m = x.length;
        double[] cross = new double[m * n];
        double[] corner = new double[m * m];
        double[] row = new double[d];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                System.arraycopy(trainX, p * d, row, 0, d);
                cross[i * n + p] = kernel.value(x[i], row);
            }
            for (int j = 0; j < m; j++) {
                corner[i * m + j] = kernel.value(x[i], x[j]) + (i == j ? noise() + LogMarginalLikelihood.EPSILON : 0);
            }
        }
        GaussianProcess out = new GaussianProcess(this);
        try {
            out.cholesky = cholesky.extend(cross, corner, m);
        } catch (NotPositiveDefiniteException e) {
            return Optional.empty();
        }
        out.trainX = Arrays.copyOf(trainX, (n + m) * d);
        out.yNormalized = Arrays.copyOf(yNormalized, n + m);
        for (int i = 0; i < m; i++) {
            System.arraycopy(x[i], 0, out.trainX, (n + i) * d, d);
            out.yNormalized[n + i] = (y[i] - yMean) / yScale;
        }
        out.alpha = out.cholesky.solve(out.yNormalized);
        return Optional.of(out);
    }

    /**
     * Multi-start maximization of the log marginal likelihood. Starts: the default θ = 0 plus, for
     * each restart, the best of {@link #SCREENED_PER_RESTART} random θ (uniform in the log bounds)
     * by likelihood value, which costs one Cholesky each. Every start first runs
     * {@link #SCOUT_ITERATIONS} L-BFGS iterations; only the most likely one then runs on to
     * convergence, keeping its L-BFGS memory (successive halving: most restarts land on the same
     * optimum, so finishing all of them would triple the cost of a fit for nothing).
     */
    private double[] fitHyperParameters(LogMarginalLikelihood lml) {
        double[][] bounds = logBounds();
        BoundedLbfgs.Objective negative = (t, g) -> {
            double v = lml.evaluate(t, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return -v;
        };
        BoundedLbfgs lbfgs = new BoundedLbfgs(10, settings.maxIterations(), 1e-5, 1e-8);
        BoundedLbfgs.Search best = null;
        for (double[] start : startPoints(lml, bounds)) {
            BoundedLbfgs.Search scout = lbfgs.start(negative, start, bounds[0], bounds[1]).run(SCOUT_ITERATIONS);
            if (best == null || scout.value() < best.value()) {
                best = scout;
            }
        }
        if (best == null) {
            throw new ArithmeticException("GaussianProcess: the kernel matrix of " + lml.parameterCount()
                    + " hyper-parameters was singular at every start point");
        }
        return best.run(settings.maxIterations()).result().x(); // continues with its curvature memory
    }

    private List<double[]> startPoints(LogMarginalLikelihood lml, double[][] bounds) {
        List<double[]> starts = new ArrayList<>();
        double[] origin = new double[d + 2];
        if (Double.isFinite(lml.value(origin))) {
            starts.add(origin);
        }
        for (int r = 0; r < settings.restarts(); r++) {
            double[] bestStart = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < SCREENED_PER_RESTART; k++) {
                double[] t = new double[d + 2];
                for (int i = 0; i < t.length; i++) {
                    t[i] = bounds[0][i] + rng.nextDouble() * (bounds[1][i] - bounds[0][i]);
                }
                double v = lml.value(t);
                if (v > bestValue) {
                    bestValue = v;
                    bestStart = t;
                }
            }
            if (bestStart != null) {
                starts.add(bestStart);
            }
        }
        return starts;
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
        this.yNormalized = yNormalized;
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

    /**
     * Batched prediction: V = L⁻¹ K*ᵀ is solved for a block of points at once, the inner loops
     * running over the block (vectorizable; the block of V stays in cache).
     */
    @Override
    public Prediction[] predict(double[][] xs) {
        requireFitted();
        Prediction[] out = new Prediction[xs.length];
        for (int from = 0; from < xs.length; from += PREDICT_BLOCK) {
            predictBlock(xs, from, Math.min(xs.length, from + PREDICT_BLOCK), out);
        }
        return out;
    }

    private void predictBlock(double[][] xs, int from, int to, Prediction[] out) {
        int n = alpha.length;
        int m = to - from;
        double[][] v = new double[n][m]; // (n, m): column j is k*(x_j), then L⁻¹ k*(x_j)
        double[] mean = new double[m];
        double[] row = new double[d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(trainX, p * d, row, 0, d);
            double[] vp = v[p];
            for (int j = 0; j < m; j++) {
                double kpj = kernel.value(row, xs[from + j]);
                vp[j] = kpj;
                mean[j] += alpha[p] * kpj;
            }
        }
        cholesky.solveLowerInPlace(v);
        double[] var = new double[m];
        Arrays.fill(var, kernel.amplitude());
        for (int p = 0; p < n; p++) {
            double[] vp = v[p];
            for (int j = 0; j < m; j++) {
                var[j] -= vp[j] * vp[j];
            }
        }
        for (int j = 0; j < m; j++) {
            out[from + j] = new Prediction(yMean + yScale * mean[j], yScale * Math.sqrt(Math.max(var[j], 0.0)));
        }
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
        double[] beta = cholesky.solve(kStar); // K⁻¹ k*
        double var = kernel.amplitude(); // c - k*ᵀ K⁻¹ k*
        for (int p = 0; p < n; p++) {
            var -= kStar[p] * beta[p];
        }
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

    /**
     * The joint posterior covariance of the latent function at {@code xs} (objective units, (m, m)
     * row-major, without the white noise): {@code cov = c·M(xs, xs) - Vᵀ V} with
     * {@code V = L⁻¹ K(X, xs)} (Rasmussen & Williams eq. 2.24). For {@link FantasyPosterior}.
     */
    double[] posteriorCovariance(double[][] xs) {
        requireFitted();
        int n = alpha.length;
        int m = xs.length;
        double[][] v = new double[n][m]; // (n, m): K(X, xs), then L⁻¹ K(X, xs)
        double[] row = new double[d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(trainX, p * d, row, 0, d);
            for (int j = 0; j < m; j++) {
                v[p][j] = kernel.value(row, xs[j]);
            }
        }
        cholesky.solveLowerInPlace(v);
        double[] cov = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = kernel.value(xs[i], xs[j]);
                for (int p = 0; p < n; p++) {
                    s -= v[p][i] * v[p][j];
                }
                cov[i * m + j] = yScale * yScale * s;
                cov[j * m + i] = cov[i * m + j];
            }
        }
        return cov;
    }

    /** The white-noise variance in objective units: s² · scale² (what an observation adds to the latent variance). */
    public double noiseVariance() {
        return noise() * yScale * yScale;
    }

    /** Observations (and lies) this GP is conditioned on. */
    int size() {
        requireFitted();
        return alpha.length;
    }

    /** Row p of the training inputs (a copy). */
    double[] trainRow(int p) {
        return Arrays.copyOfRange(trainX, p * d, (p + 1) * d);
    }

    /** The factor of K + (s² + ε) I. */
    Cholesky factor() {
        return cholesky;
    }

    /** The normalized targets (y - mean) / scale (a copy). */
    double[] normalizedTargets() {
        return yNormalized.clone();
    }

    /** The target normalization: y = targetMean() + targetScale() · normalized. */
    double targetMean() {
        return yMean;
    }

    double targetScale() {
        return yScale;
    }

    private void requireFitted() {
        if (alpha == null) {
            throw new IllegalStateException("GaussianProcess: call fit before predict");
        }
    }

    public Matern52Kernel kernel() {
        requireFitted();
        return kernel;
    }

    /** Fitted white-noise variance s² in normalized target units. */
    public double noise() {
        return Math.exp(theta[d + 1]);
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

    /** The GP's registration: parameter {@link #RESTARTS}; the other settings are {@link Settings#defaults()}. */
    public record Factory() implements SurrogateFactory {
        /** Extra random starts of the marginal-likelihood fit, default 2 (scikit-optimize's). */
        public static final Parameter RESTARTS = Parameter.integerAtLeast("restarts", 2, 0,
                "extra random starts of the GP's marginal-likelihood fit");

        @Override
        public String name() {
            return "gp";
        }

        @Override
        public String description() {
            return "Gaussian process, Matern 5/2 + noise (gp_minimize)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(RESTARTS);
        }

        @Override
        public Surrogate create(Map<String, Double> parameters, RandomGenerator rng) {
            int restarts = (int) Math.round(parameters.get(RESTARTS.name()));
            return new GaussianProcess(Settings.defaults().withRestarts(restarts), rng);
        }
    }
}
