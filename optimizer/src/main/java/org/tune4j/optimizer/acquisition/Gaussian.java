package org.tune4j.optimizer.acquisition;

import org.apache.commons.math3.special.Erf;

/** Standard normal density and distribution function (Φ via Commons Math's erfc). */
final class Gaussian {
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    private Gaussian() {
    }

    static double pdf(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }
}
