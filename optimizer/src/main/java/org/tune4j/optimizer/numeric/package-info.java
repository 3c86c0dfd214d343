/**
 * Small dense numerical building blocks used by the surrogates and the acquisition optimizer:
 * a Cholesky factorization with growing jitter, a bounded quasi-Newton minimizer and seeded
 * random streams.
 *
 * <p>This package is not a general linear-algebra library: matrices are plain row-major
 * {@code double[]} arrays sized for the few hundred observations of a Bayesian optimization.
 */
package org.tune4j.optimizer.numeric;
