/**
 * Acquisition functions (what a surrogate's prediction is worth evaluating), the GP-hedge
 * portfolio over them, and the {@link org.tune4j.optimizer.acquisition.AcquisitionOptimizer} that
 * finds the best unevaluated point of a space.
 *
 * <p>Sign convention of the whole package: the objective is MINIMIZED, and every acquisition
 * function returns a UTILITY that is MAXIMIZED. Each function is a small pure function of
 * (mean, std, best) with its formula in its Javadoc.
 */
package org.tune4j.optimizer.acquisition;
