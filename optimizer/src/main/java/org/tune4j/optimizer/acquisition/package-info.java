/**
 * Acquisition functions (what a surrogate's prediction is worth evaluating), the policies that
 * turn them into the next point ({@link org.tune4j.optimizer.acquisition.AcquisitionPolicy}: one
 * function through a generic adapter, or the GP-hedge portfolio with its gains), the
 * {@link org.tune4j.optimizer.acquisition.AcquisitionFactory} extension point that names them, and
 * the {@link org.tune4j.optimizer.acquisition.AcquisitionOptimizer} that finds the best
 * unevaluated point of a space.
 *
 * <p>Sign convention of the whole package: the objective is MINIMIZED, and every acquisition
 * function returns a UTILITY that is MAXIMIZED. Each function is a small pure function of
 * (mean, std, best) with its formula in its Javadoc.
 */
package org.tune4j.optimizer.acquisition;
