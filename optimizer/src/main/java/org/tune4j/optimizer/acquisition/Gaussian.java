package org.tune4j.optimizer.acquisition;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Standard normal density φ and distribution function Φ, both from Commons Math's
 * {@link NormalDistribution} (Φ through {@code Erf.erfc}, exact to 0 or 1 beyond 40 standard
 * deviations). Not a sampler: the distribution is built without a random generator.
 */
final class Gaussian {
    private static final NormalDistribution STANDARD =
            new NormalDistribution(null, 0.0, 1.0, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private Gaussian() {
    }

    static double pdf(double z) {
        return STANDARD.density(z);
    }

    static double cdf(double z) {
        return STANDARD.cumulativeProbability(z);
    }
}
