package org.tune4j.optimizer.surrogate;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.Parameter;

/**
 * An ensemble of regression trees whose predictive distribution follows Hutter, Xu, Hoos &
 * Leyton-Brown (2014, Sect. 4.3.2; scikit-optimize's {@code _return_std}): with tree b predicting
 * the leaf mean m_b and leaf variance v_b at x, over B trees,
 *
 * <pre>
 *   mean = (1/B) Σ_b m_b
 *   var  = (1/B) Σ_b (v_b + m_b²) - mean²        (law of total variance; clipped at 0)
 * </pre>
 * Not differentiable (piecewise constant), so the acquisition is maximized over random candidates
 * only. Subclasses fix how trees are grown: {@link RandomForest} and {@link ExtraTrees}.
 */
public abstract class RegressionForest implements Surrogate {
    /** Trees per forest, default 100. */
    public static final Parameter TREES = Parameter.integerAtLeast("trees", 100, 1, "trees per forest");
    /** Minimum samples per leaf, default 3. */
    public static final Parameter MIN_LEAF = Parameter.integerAtLeast("min_leaf", 3, 1, "minimum samples per leaf");
    /** The parameters both forests declare. */
    public static final List<Parameter> PARAMETERS = List.of(TREES, MIN_LEAF);

    /** Number of trees and minimum leaf size; scikit-optimize's defaults are 100 and 3. */
    public record Settings(int trees, int minSamplesLeaf) {
        public Settings {
            if (trees < 1 || minSamplesLeaf < 1) {
                throw new IllegalArgumentException("RegressionForest.Settings: expected trees >= 1 and "
                        + "minSamplesLeaf >= 1, found " + trees + ", " + minSamplesLeaf);
            }
        }

        public static Settings defaults() {
            return new Settings(100, 3);
        }

        /** The settings from the values of {@link #PARAMETERS} by name. */
        static Settings of(Map<String, Double> parameters) {
            return new Settings((int) Math.round(parameters.get(TREES.name())),
                    (int) Math.round(parameters.get(MIN_LEAF.name())));
        }
    }

    private final Settings settings;
    private final RandomGenerator rng;
    private RegressionTree[] trees;

    protected RegressionForest(Settings settings, RandomGenerator rng) {
        this.settings = settings;
        this.rng = rng;
    }

    /** The rows tree number {@code tree} is grown on (bootstrap or all). */
    abstract int[] samplesFor(int n, RandomGenerator rng);

    /** How each tree chooses its splits. */
    abstract RegressionTree.Growth growth(int minSamplesLeaf);

    @Override
    public void fit(double[][] x, double[] y) {
        Surrogate.checkData(x, y);
        trees = new RegressionTree[settings.trees()];
        RegressionTree.Growth growth = growth(settings.minSamplesLeaf());
        for (int b = 0; b < trees.length; b++) {
            trees[b] = RegressionTree.grow(x, y, samplesFor(x.length, rng), growth, rng);
        }
    }

    @Override
    public Prediction predict(double[] x) {
        if (trees == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ": call fit before predict");
        }
        double meanSum = 0;
        double secondMomentSum = 0;
        for (RegressionTree tree : trees) {
            double[] leaf = tree.leaf(x);
            meanSum += leaf[0];
            secondMomentSum += leaf[1] + leaf[0] * leaf[0];
        }
        double mean = meanSum / trees.length;
        double variance = secondMomentSum / trees.length - mean * mean;
        return new Prediction(mean, Math.sqrt(Math.max(variance, 0.0)));
    }

    public Settings settings() {
        return settings;
    }
}
