package org.tune4j.optimizer.acquisition;

/**
 * The utility of evaluating a point, from the surrogate's predictive mean and standard deviation
 * there and the best (lowest) objective value observed so far.
 *
 * <p>Convention: we MINIMIZE the objective, and the utility is to be MAXIMIZED (higher means more
 * worth evaluating). Implementations are immutable, stateless and thread-safe. The optimizer uses a
 * function through {@link AcquisitionPolicy#of}; an {@link AcquisitionFactory} makes it
 * selectable by name.
 */
public interface AcquisitionFunction {

    /** The utility (to maximize) of a point whose prediction is N(mean, std²), given the best value so far. */
    double utility(double mean, double std, double best);

    /** The utility with its partial derivatives in mean and std, for gradient-based refinement. */
    Sensitivity sensitivity(double mean, double std, double best);

    /** A utility value and its partial derivatives ∂u/∂mean and ∂u/∂std. */
    record Sensitivity(double utility, double dMean, double dStd) {
    }
}
