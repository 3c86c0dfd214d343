package org.tune4j.optimizer.acquisition;

import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.Parameter;

/**
 * Probability of improving on the best value by at least xi (Kushner 1964):
 *
 * <pre>
 *   z = (best - mean - xi) / std,   PI = Φ(z)
 *   ∂PI/∂mean = -φ(z) / std,   ∂PI/∂std = -φ(z) z / std
 *   PI = 1 if best - mean - xi > 0 else 0        (std = 0)
 * </pre>
 * Utility to maximize, in [0, 1]. Example: mean 0, std 1, best -0.5, xi 0 gives 0.308538.
 */
public record ProbabilityOfImprovement(double xi) implements AcquisitionFunction {

    public ProbabilityOfImprovement {
        if (!Double.isFinite(xi) || xi < 0) {
            throw new IllegalArgumentException("ProbabilityOfImprovement: expected finite xi >= 0, found " + xi);
        }
    }

    @Override
    public double utility(double mean, double std, double best) {
        return sensitivity(mean, std, best).utility();
    }

    @Override
    public Sensitivity sensitivity(double mean, double std, double best) {
        double improvement = best - mean - xi;
        if (!(std > 0)) {
            return new Sensitivity(improvement > 0 ? 1 : 0, 0, 0);
        }
        double z = improvement / std;
        double pdf = Gaussian.pdf(z);
        return new Sensitivity(Gaussian.cdf(z), -pdf / std, -pdf * z / std);
    }


    /** PI's registration: parameter {@link ExpectedImprovement#XI}. */
    public record Factory() implements AcquisitionFactory {
        @Override
        public String name() {
            return "PI";
        }

        @Override
        public String description() {
            return "probability of improving on the best value (Kushner 1964)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(ExpectedImprovement.XI);
        }

        @Override
        public AcquisitionPolicy create(Map<String, Double> parameters) {
            return AcquisitionPolicy.of(new ProbabilityOfImprovement(parameters.get(ExpectedImprovement.XI.name())));
        }
    }
}
