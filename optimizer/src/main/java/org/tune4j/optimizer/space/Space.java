package org.tune4j.optimizer.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An ordered list of uniquely named dimensions: the search space of a study.
 *
 * <p>Maps points ({@code List<Object>} in dimension order) to and from the unit cube of width
 * {@link #unitWidth()} that the surrogates see, and to and from name-to-value maps for the
 * outside world. Immutable and thread-safe.
 */
public final class Space {

    private final List<Dimension> dimensions;
    private final Map<String, Integer> indexByName;
    private final int[] offsets; // unit-cube column where each dimension starts
    private final int unitWidth;

    public Space(List<? extends Dimension> dimensions) {
        if (dimensions == null || dimensions.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one dimension");
        }
        this.dimensions = List.copyOf(dimensions);
        this.indexByName = new HashMap<>();
        this.offsets = new int[this.dimensions.size()];
        int width = 0;
        for (int i = 0; i < this.dimensions.size(); i++) {
            Dimension d = this.dimensions.get(i);
            if (indexByName.put(d.name(), i) != null) {
                throw new IllegalArgumentException("dimension \"" + d.name() + "\": expected distinct dimension names, "
                        + "found \"" + d.name() + "\" twice");
            }
            offsets[i] = width;
            width += d.unitWidth();
        }
        this.unitWidth = width;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public int size() {
        return dimensions.size();
    }

    public Dimension dimension(int index) {
        return dimensions.get(index);
    }

    /** Total number of unit-cube columns. */
    public int unitWidth() {
        return unitWidth;
    }

    /** The first unit-cube column of dimension {@code index}. */
    public int unitOffset(int index) {
        return offsets[index];
    }

    /**
     * Index of the named dimension.
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public int indexOf(String name) {
        Integer i = indexByName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown dimension \"" + name + "\"; expected one of " + names());
        }
        return i;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Dimension d : dimensions) {
            names.add(d.name());
        }
        return names;
    }

    /** Draws one point from the dimensions' priors. */
    public List<Object> sample(RandomGenerator rng) {
        List<Object> point = new ArrayList<>(dimensions.size());
        for (Dimension d : dimensions) {
            point.add(d.sample(rng));
        }
        return Collections.unmodifiableList(point);
    }

    /** Unit-cube encoding of a point (validated first). */
    public double[] toUnit(List<?> point) {
        checkSize(point);
        double[] u = new double[unitWidth];
        for (int i = 0; i < dimensions.size(); i++) {
            dimensions.get(i).toUnit(point.get(i), u, offsets[i]);
        }
        return u;
    }

    /** The valid point nearest to a unit-cube vector (integers and categories snapped). */
    public List<Object> fromUnit(double[] u) {
        if (u.length != unitWidth) {
            throw new IllegalArgumentException("expected a unit vector of width " + unitWidth + ", found "
                    + u.length);
        }
        List<Object> point = new ArrayList<>(dimensions.size());
        for (int i = 0; i < dimensions.size(); i++) {
            point.add(dimensions.get(i).fromUnit(u, offsets[i]));
        }
        return Collections.unmodifiableList(point);
    }

    /** Name-to-value map in dimension order. */
    public Map<String, Object> toMap(List<?> point) {
        List<Object> valid = validate(point);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            map.put(dimensions.get(i).name(), valid.get(i));
        }
        return map;
    }

    /**
     * The point named by a map; values are validated and coerced.
     *
     * @throws IllegalArgumentException for a missing or an unknown name, or an invalid value
     */
    public List<Object> fromMap(Map<String, ?> map) {
        for (String key : map.keySet()) {
            if (!indexByName.containsKey(key)) {
                throw new IllegalArgumentException("unknown dimension \"" + key + "\"; expected one of " + names());
            }
        }
        List<Object> point = new ArrayList<>(dimensions.size());
        for (Dimension d : dimensions) {
            if (!map.containsKey(d.name())) {
                throw new IllegalArgumentException("missing value for dimension \"" + d.name() + "\"; expected "
                        + "values for " + names());
            }
            point.add(d.validate(map.get(d.name())));
        }
        return Collections.unmodifiableList(point);
    }

    /** Coerces every value to its dimension's canonical type and checks it. */
    public List<Object> validate(List<?> point) {
        checkSize(point);
        List<Object> valid = new ArrayList<>(dimensions.size());
        for (int i = 0; i < dimensions.size(); i++) {
            valid.add(dimensions.get(i).validate(point.get(i)));
        }
        return Collections.unmodifiableList(valid);
    }

    /** True when every dimension is integer or categorical, so the space has finitely many points. */
    public boolean isFinite() {
        return cardinality() != Long.MAX_VALUE;
    }

    /** Number of distinct points; {@link Long#MAX_VALUE} when infinite or too many to count in a long. */
    public long cardinality() {
        long total = 1;
        for (Dimension d : dimensions) {
            long c = d.cardinality();
            if (c == Long.MAX_VALUE || total > Long.MAX_VALUE / c) {
                return Long.MAX_VALUE;
            }
            total *= c;
        }
        return total;
    }

    /**
     * The point with the given index in [0, cardinality()) of a finite space (mixed radix, last
     * dimension fastest); used to enumerate small spaces.
     */
    public List<Object> pointAt(long index) {
        long c = cardinality();
        if (c == Long.MAX_VALUE || index < 0 || index >= c) {
            throw new IllegalArgumentException("point index " + index + " outside a space of cardinality "
                    + (c == Long.MAX_VALUE ? "infinite" : c));
        }
        Object[] values = new Object[dimensions.size()];
        for (int i = dimensions.size() - 1; i >= 0; i--) {
            Dimension d = dimensions.get(i);
            long k = d.cardinality();
            int position = (int) (index % k);
            if (d instanceof IntegerDimension integer) {
                values[i] = integer.low() + position;
            } else if (d instanceof CategoricalDimension categorical) {
                values[i] = categorical.categories().get(position);
            } else {
                throw new IllegalStateException("dimension \"" + d.name() + "\" is finite but not enumerable");
            }
            index /= k;
        }
        return List.of(values);
    }

    private void checkSize(List<?> point) {
        if (point == null || point.size() != dimensions.size()) {
            throw new IllegalArgumentException("expected a point with " + dimensions.size() + " values " + names()
                    + ", found " + (point == null ? "null" : point.size() + " values " + point));
        }
    }

    /** Two spaces are equal when their dimensions are, in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Space space && dimensions.equals(space.dimensions);
    }

    @Override
    public int hashCode() {
        return dimensions.hashCode();
    }

    @Override
    public String toString() {
        return "Space" + dimensions;
    }
}
