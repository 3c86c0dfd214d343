/**
 * Sequential model-based (Bayesian) optimization with an ask/tell core, after scikit-optimize:
 * {@link org.tune4j.optimizer.Optimizer} proposes points ({@code ask}) and records results
 * ({@code tell}); {@link org.tune4j.optimizer.Minimizer#minimize} is a short loop over it. Configuration is the
 * immutable {@link org.tune4j.optimizer.OptimizerConfig}, with defaults as {@code gp_minimize};
 * its surrogate, acquisition function and initial design are objects of the three extension
 * points ({@code SurrogateFactory}, {@code AcquisitionFactory}, {@code InitialPointGenerator}),
 * each registered by one line in {@code META-INF/services}, and their numeric settings are
 * declared {@link org.tune4j.optimizer.Parameter}s.
 *
 * <p>Sub-packages: {@code space} (dimensions), {@code initial} (designs), {@code surrogate}
 * (GP, forests), {@code acquisition} (EI, PI, LCB, hedge, policies, maximization), {@code analysis}
 * (partial dependence), {@code numeric} (Cholesky, bounded L-BFGS, seeded streams).
 *
 * <p>Not here: anything about neural networks, files, JSON or the command line (the tuner's job).
 */
package org.tune4j.optimizer;
