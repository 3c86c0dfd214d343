package org.tune4j.optimizer.acquisition;

import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.Parameter;

/**
 * Expected improvement over the best value (Jones, Schonlau & Welch 1998, eq. 15; Mockus 1978),
 * with the exploration margin xi of Lizotte (2008) as in scikit-optimize:
 *
 * <pre>
 *   I = best - mean - xi,   z = I / std
 *   EI = I Φ(z) + std φ(z)                      (std > 0)
 *   EI = max(I, 0)                              (std = 0)
 *   ∂EI/∂mean = -Φ(z),   ∂EI/∂std = φ(z)
 * </pre>
 * Utility to maximize; always ≥ 0. Example: mean 0, std 1, best -0.5, xi 0 gives 0.1977966.
 */
public record ExpectedImprovement(double xi) implements AcquisitionFunction {
    /** The improvement margin of EI and PI: scikit-optimize's xi, default 0.01. */
    public static final Parameter XI = Parameter.nonNegative("xi", 0.01, "improvement margin of EI and PI");

    public ExpectedImprovement {
        if (!Double.isFinite(xi) || xi < 0) {
            throw new IllegalArgumentException("ExpectedImprovement: expected finite xi >= 0, found " + xi);
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
            return improvement > 0 ? new Sensitivity(improvement, -1, 0) : new Sensitivity(0, 0, 0);
        }
        double z = improvement / std;
        double cdf = Gaussian.cdf(z);
        double pdf = Gaussian.pdf(z);
        return new Sensitivity(improvement * cdf + std * pdf, -cdf, pdf);
    }


    /** EI's registration: parameter {@link #XI}. */
    public record Factory() implements AcquisitionFactory {
        @Override
        public String name() {
            return "EI";
        }

        @Override
        public String description() {
            return "expected improvement over the best value (Jones et al. 1998)";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(XI);
        }

        @Override
        public AcquisitionPolicy create(Map<String, Double> parameters) {
            return AcquisitionPolicy.of(new ExpectedImprovement(parameters.get(XI.name())));
        }
    }
}
