/**
 * Sequential model-based (Bayesian) optimization with an ask/tell core, after scikit-optimize:
 * {@link org.tune4j.optimizer.Optimizer} proposes points ({@code ask}) and records results
 * ({@code tell}); {@link org.tune4j.optimizer.Minimizer#minimize} is a short loop over it with
 * {@link org.tune4j.optimizer.Callbacks}. Configuration is the immutable
 * {@link org.tune4j.optimizer.OptimizerConfig}, with defaults as {@code gp_minimize}.
 *
 * <p>Sub-packages: {@code space} (dimensions), {@code initial} (designs), {@code surrogate}
 * (GP, forests), {@code acquisition} (EI, PI, LCB, hedge, maximization), {@code analysis}
 * (partial dependence), {@code numeric} (Cholesky, bounded L-BFGS, seeded streams).
 *
 * <p>Not here: anything about neural networks, files, JSON or the command line (the tuner's job).
 */
package org.tune4j.optimizer;
