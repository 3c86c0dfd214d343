package org.tune4j.optimizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The point the fitted surrogate believes best, by dimension name in space order, and the
 * surrogate's predicted mean there. With a noisy objective this is a better estimate of the
 * optimum than the luckiest observation.
 *
 * @param params         the point's values by dimension name, in the space's order
 * @param predictedValue the surrogate's mean at the point
 */
public record ExpectedMinimum(Map<String, Object> params, double predictedValue) {
    public ExpectedMinimum {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The point as a list in dimension order (what {@code Space.toMap} was given). */
    public List<Object> x() {
        return List.copyOf(new ArrayList<>(params.values()));
    }
}
