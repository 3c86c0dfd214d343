package org.tune4j.optimizer;

/**
 * Immutable settings of an {@link Optimizer}, validated on construction. {@link #defaults()} are
 * scikit-optimize's {@code gp_minimize}: GP surrogate, EI with xi = 0.01 (kappa = 1.96 for LCB),
 * 10 random initial points, acquisition maximized over 10,000 candidates refined from the best 5,
 * 2 restarts of the GP's marginal-likelihood fit, hedge eta = 1, forests of 100 trees with leaves
 * of at least 3 samples, seed 0.
 *
 * @param surrogate      model used after the initial design
 * @param acquisition    acquisition function (ignored by the RANDOM surrogate)
 * @param xi             improvement margin of EI and PI (≥ 0)
 * @param kappa          exploration weight of LCB (≥ 0)
 * @param initialPoints  number of asked points taken from the initial design (≥ 0)
 * @param initialDesign  layout of the initial design
 * @param candidates     random candidates scored per acquisition maximization (≥ 1)
 * @param refineFrom     best candidates refined by gradient steps (≥ 0; GP only)
 * @param seed           base seed of every random stream
 * @param gpRestarts     extra random starts of the GP hyper-parameter fit (≥ 0)
 * @param hedgeEta       softmax temperature of GP-hedge (> 0)
 * @param forestTrees    trees per forest (≥ 1)
 * @param forestMinLeaf  minimum samples per forest leaf (≥ 1)
 */
public record OptimizerConfig(SurrogateKind surrogate, AcquisitionKind acquisition, double xi, double kappa,
        int initialPoints, InitialDesign initialDesign, int candidates, int refineFrom, long seed, int gpRestarts,
        double hedgeEta, int forestTrees, int forestMinLeaf) {

    public OptimizerConfig {
        if (surrogate == null || acquisition == null || initialDesign == null) {
            throw new IllegalArgumentException("OptimizerConfig: surrogate, acquisition and initialDesign must not "
                    + "be null, found " + surrogate + ", " + acquisition + ", " + initialDesign);
        }
        require(Double.isFinite(xi) && xi >= 0, "xi >= 0", xi);
        require(Double.isFinite(kappa) && kappa >= 0, "kappa >= 0", kappa);
        require(initialPoints >= 0, "initialPoints >= 0", initialPoints);
        require(candidates >= 1, "candidates >= 1", candidates);
        require(refineFrom >= 0, "refineFrom >= 0", refineFrom);
        require(gpRestarts >= 0, "gpRestarts >= 0", gpRestarts);
        require(Double.isFinite(hedgeEta) && hedgeEta > 0, "hedgeEta > 0", hedgeEta);
        require(forestTrees >= 1, "forestTrees >= 1", forestTrees);
        require(forestMinLeaf >= 1, "forestMinLeaf >= 1", forestMinLeaf);
    }

    private static void require(boolean ok, String expected, Object found) {
        if (!ok) {
            throw new IllegalArgumentException("OptimizerConfig: expected " + expected + ", found " + found);
        }
    }

    /** gp_minimize's defaults (see the class comment). */
    public static OptimizerConfig defaults() {
        return new OptimizerConfig(SurrogateKind.GP, AcquisitionKind.EI, 0.01, 1.96, 10, InitialDesign.RANDOM,
                10_000, 5, 0L, 2, 1.0, 100, 3);
    }

    public OptimizerConfig withSurrogate(SurrogateKind v) {
        return new OptimizerConfig(v, acquisition, xi, kappa, initialPoints, initialDesign, candidates, refineFrom,
                seed, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withAcquisition(AcquisitionKind v) {
        return new OptimizerConfig(surrogate, v, xi, kappa, initialPoints, initialDesign, candidates, refineFrom,
                seed, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withXi(double v) {
        return new OptimizerConfig(surrogate, acquisition, v, kappa, initialPoints, initialDesign, candidates,
                refineFrom, seed, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withKappa(double v) {
        return new OptimizerConfig(surrogate, acquisition, xi, v, initialPoints, initialDesign, candidates,
                refineFrom, seed, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withInitialPoints(int v) {
        return new OptimizerConfig(surrogate, acquisition, xi, kappa, v, initialDesign, candidates, refineFrom,
                seed, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withInitialDesign(InitialDesign v) {
        return new OptimizerConfig(surrogate, acquisition, xi, kappa, initialPoints, v, candidates, refineFrom,
                seed, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withCandidates(int v) {
        return new OptimizerConfig(surrogate, acquisition, xi, kappa, initialPoints, initialDesign, v, refineFrom,
                seed, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withRefineFrom(int v) {
        return new OptimizerConfig(surrogate, acquisition, xi, kappa, initialPoints, initialDesign, candidates, v,
                seed, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withSeed(long v) {
        return new OptimizerConfig(surrogate, acquisition, xi, kappa, initialPoints, initialDesign, candidates,
                refineFrom, v, gpRestarts, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withGpRestarts(int v) {
        return new OptimizerConfig(surrogate, acquisition, xi, kappa, initialPoints, initialDesign, candidates,
                refineFrom, seed, v, hedgeEta, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withHedgeEta(double v) {
        return new OptimizerConfig(surrogate, acquisition, xi, kappa, initialPoints, initialDesign, candidates,
                refineFrom, seed, gpRestarts, v, forestTrees, forestMinLeaf);
    }

    public OptimizerConfig withForest(int trees, int minLeaf) {
        return new OptimizerConfig(surrogate, acquisition, xi, kappa, initialPoints, initialDesign, candidates,
                refineFrom, seed, gpRestarts, hedgeEta, trees, minLeaf);
    }
}
