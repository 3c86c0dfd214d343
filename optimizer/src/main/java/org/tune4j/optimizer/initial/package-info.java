/**
 * Initial designs: the points evaluated before a surrogate is trusted, generated in the unit
 * cube (random, Sobol, Halton, Latin hypercube) and mapped to valid points by
 * {@link org.tune4j.optimizer.space.Space#fromUnit}.
 *
 * <p>Not here: deciding how many initial points to use (that is the optimizer's configuration).
 */
package org.tune4j.optimizer.initial;
