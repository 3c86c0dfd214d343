/**
 * Small dense numerical building blocks used by the surrogates and the acquisition optimizer:
 * a Cholesky factorization with growing jitter (Commons Math's {@code CholeskyDecomposition}
 * underneath), a bounded quasi-Newton minimizer and seeded random streams.
 *
 * <p>This package is not a general linear-algebra library: matrices are plain row-major
 * {@code double[]} arrays sized for the few hundred observations of a Bayesian optimization, and
 * the factorizations, solves and inverses themselves are Commons Math's.
 */
package org.tune4j.optimizer.numeric;
