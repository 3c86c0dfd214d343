package org.tune4j.tuner.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A search space as written in a space file: named dimensions in file order. Also turns loosely
 * typed values read from JSON (an integer written {@code 3.0}, a real written {@code 1}) into
 * the types the optimizer uses: Double, Integer, String.
 */
public record SpaceSpec(List<DimensionSpec> dimensions) {

    public SpaceSpec {
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("space: expected at least one dimension, found none");
        }
        if (dimensions.stream().map(DimensionSpec::name).distinct().count() != dimensions.size()) {
            throw new IllegalArgumentException("space: dimension names must be distinct");
        }
    }

    /** Dimension names in order. */
    public List<String> names() {
        return dimensions.stream().map(DimensionSpec::name).toList();
    }

    /** The dimension with this name, if any. */
    public Optional<DimensionSpec> dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * Checks {@code params} against the space and returns them typed and in space order.
     *
     * @throws IllegalArgumentException naming the parameter when one is missing, unknown, of the
     *                                  wrong type or out of range
     */
    public Map<String, Object> typed(Map<String, ?> params) {
        for (String key : params.keySet()) {
            if (dimension(key).isEmpty()) {
                throw new IllegalArgumentException("parameter \"" + key + "\" is not in the space " + names());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (DimensionSpec d : dimensions) {
            Object v = params.get(d.name());
            if (v == null) {
                throw new IllegalArgumentException("parameter \"" + d.name() + "\" is missing");
            }
            out.put(d.name(), typedValue(d, v));
        }
        return out;
    }

    private static Object typedValue(DimensionSpec d, Object v) {
        String what = "parameter \"" + d.name() + "\"";
        if (d instanceof DimensionSpec.Real r) {
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException(what + ": expected a finite number, found " + v);
            }
            double x = n.doubleValue();
            if (x < r.low() || x > r.high()) {
                throw new IllegalArgumentException(what + ": expected a value in [" + r.low() + ", " + r.high()
                        + "], found " + x);
            }
            return x;
        }
        if (d instanceof DimensionSpec.Integral i) {
            if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException(what + ": expected an integer, found " + v);
            }
            long x = n.longValue();
            if (x < i.low() || x > i.high()) {
                throw new IllegalArgumentException(what + ": expected an integer in [" + i.low() + ", " + i.high()
                        + "], found " + x);
            }
            return (int) x;
        }
        DimensionSpec.Categorical c = (DimensionSpec.Categorical) d;
        String s = String.valueOf(v);
        if (!c.categories().contains(s)) {
            throw new IllegalArgumentException(what + ": expected one of " + c.categories() + ", found \"" + s + "\"");
        }
        return s;
    }
}
