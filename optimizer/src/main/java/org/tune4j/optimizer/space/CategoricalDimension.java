package org.tune4j.optimizer.space;

import java.util.HashSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A categorical dimension: a fixed, non-empty list of distinct, non-empty string categories (at
 * most {@link #MAX_CATEGORIES}),
 * sampled uniformly.
 *
 * <p>Unit encoding, as in scikit-optimize: with exactly two categories, one column holding 0 for
 * the first and 1 for the second (one-hot would add a redundant, perfectly anti-correlated column
 * and a second length scale for the same information); with three or more, one-hot (k columns),
 * so no false ordering is imposed between categories; a single category uses one constant column.
 * Decoding takes the column above 0.5 (binary) or the arg-max (one-hot; the first on ties).
 */
public record CategoricalDimension(String name, List<String> categories) implements Dimension {

    /**
     * The most categories of one dimension: each is a column of the one-hot encoding, which every
     * candidate point of every ask holds, so 100,000 categories would cost gigabytes per ask.
     */
    public static final int MAX_CATEGORIES = 1000;

    public CategoricalDimension {
        Dimensions.requireName(name);
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException(Dimensions.where(name, "categories")
                    + "expected at least one category, found none");
        }
        if (categories.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException(Dimensions.where(name, "categories") + "expected at most "
                    + MAX_CATEGORIES + " categories, found " + categories.size());
        }
        var seen = new HashSet<String>();
        for (String c : categories) {
            if (c == null || c.isEmpty()) {
                throw new IllegalArgumentException(Dimensions.where(name, "categories")
                        + "expected non-empty names, found " + (c == null ? "null" : "\"\"") + " in " + categories);
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException(Dimensions.where(name, "categories") + "expected distinct names, "
                        + "found \"" + c + "\" twice in " + categories);
            }
        }
        categories = List.copyOf(categories);
    }

    @Override
    public String sample(RandomGenerator rng) {
        return categories.get(rng.nextInt(categories.size()));
    }

    @Override
    public int unitWidth() {
        return categories.size() <= 2 ? 1 : categories.size();
    }

    @Override
    public void toUnit(Object value, double[] out, int offset) {
        int index = categories.indexOf(validate(value));
        if (categories.size() <= 2) {
            out[offset] = index;
            return;
        }
        for (int i = 0; i < categories.size(); i++) {
            out[offset + i] = i == index ? 1.0 : 0.0;
        }
    }

    @Override
    public String fromUnit(double[] unit, int offset) {
        if (categories.size() == 1) {
            return categories.get(0);
        }
        if (categories.size() == 2) {
            return categories.get(unit[offset] > 0.5 ? 1 : 0);
        }
        int best = 0;
        for (int i = 1; i < categories.size(); i++) {
            if (unit[offset + i] > unit[offset + best]) {
                best = i;
            }
        }
        return categories.get(best);
    }

    @Override
    public String validate(Object value) {
        if (value instanceof String s && categories.contains(s)) {
            return s;
        }
        throw new IllegalArgumentException(Dimensions.where(name) + "expected one of " + categories + ", found "
                + Dimensions.describe(value));
    }

    @Override
    public long cardinality() {
        return categories.size();
    }
}
