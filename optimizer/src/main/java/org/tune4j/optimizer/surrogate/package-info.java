/**
 * Surrogate models of the objective on the unit cube: a Gaussian process (constant x Matern 5/2
 * + white noise, hyper-parameters fitted by maximizing the log marginal likelihood), and random
 * forest / extra-trees regression forests with a variance estimate; the
 * {@link org.tune4j.optimizer.surrogate.SurrogateFactory} extension point that names them (random
 * search, {@link org.tune4j.optimizer.surrogate.RandomSearch}, is the factory of no model).
 *
 * <p>Surrogates only ever see unit-cube vectors ({@code Space.toUnit}); they know nothing of
 * dimension names, types or acquisition functions.
 */
package org.tune4j.optimizer.surrogate;
