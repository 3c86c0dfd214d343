package org.tune4j.optimizer;

import java.util.List;

/**
 * The point the fitted surrogate believes best, and the surrogate's predicted mean there. With a
 * noisy objective this is a better estimate of the optimum than the luckiest observation.
 */
public record ExpectedMinimum(List<Object> x, double predictedValue) {
    public ExpectedMinimum {
        x = List.copyOf(x);
    }
}
