package org.tune4j.optimizer.acquisition;

import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.Parameter;

/**
 * Lower confidence bound (Srinivas, Krause, Kakade & Seeger 2010, as GP-UCB for minimization):
 *
 * <pre>
 *   LCB = mean - kappa std                 (the bound itself, see {@link #bound}; lower is better)
 *   utility = -LCB = kappa std - mean      (to maximize, the package convention)
 *   ∂utility/∂mean = -1,   ∂utility/∂std = kappa
 * </pre>
 * The best value so far is not used. Example: mean 0, std 1, kappa 0.3 gives LCB = -0.3 (utility 0.3).
 */
public record LowerConfidenceBound(double kappa) implements AcquisitionFunction {
    /** The exploration weight of LCB: scikit-optimize's kappa, default 1.96. */
    public static final Parameter KAPPA = Parameter.nonNegative("kappa", 1.96, "exploration weight of LCB");

    public LowerConfidenceBound {
        if (!Double.isFinite(kappa) || kappa < 0) {
            throw new IllegalArgumentException("LowerConfidenceBound: expected finite kappa >= 0, found " + kappa);
        }
    }

    /** The lower confidence bound mean - kappa std (to be minimized). */
    public double bound(double mean, double std) {
        return mean - kappa * std;
    }

    @Override
    public double utility(double mean, double std, double best) {
        return -bound(mean, std);
    }

    @Override
    public Sensitivity sensitivity(double mean, double std, double best) {
        return new Sensitivity(utility(mean, std, best), -1, kappa);
    }


    /** LCB's registration: parameter {@link #KAPPA}. */
    public record Factory() implements AcquisitionFactory {
        @Override
        public String name() {
            return "LCB";
        }

        @Override
        public String description() {
            return "lower confidence bound mean - kappa std (Srinivas et al. 2010)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(KAPPA);
        }

        @Override
        public AcquisitionPolicy create(Map<String, Double> parameters) {
            return AcquisitionPolicy.of(new LowerConfidenceBound(parameters.get(KAPPA.name())));
        }
    }
}
