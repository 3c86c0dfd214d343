package org.tune4j.tuner.storage;

import java.util.List;

/**
 * One dimension of a search space as the JSON space file describes it. The optimizer's typed
 * dimensions are built from these in {@code study}; this side only knows the file format.
 */
public sealed interface DimensionSpec {
    /** The hyper-parameter's name (the key in the space file). */
    String name();

    /** Real interval [low, high] with a uniform or log-uniform prior. */
    record Real(String name, double low, double high, boolean logUniform) implements DimensionSpec {
        public Real {
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("dimension \"" + name + "\": expected finite low < high, found low "
                        + low + ", high " + high);
            }
            if (logUniform && low <= 0) {
                throw new IllegalArgumentException("dimension \"" + name + "\": a log-uniform prior needs low > 0, found "
                        + low);
            }
        }
    }

    /** Integer interval [low, high] (both included) with a uniform or log-uniform prior. */
    record Integral(String name, int low, int high, boolean logUniform) implements DimensionSpec {
        public Integral {
            if (low >= high) {
                throw new IllegalArgumentException("dimension \"" + name + "\": expected low < high, found low "
                        + low + ", high " + high);
            }
            if (logUniform && low <= 0) {
                throw new IllegalArgumentException("dimension \"" + name + "\": a log-uniform prior needs low > 0, found "
                        + low);
            }
        }
    }

    /** A choice among named categories. */
    record Categorical(String name, List<String> categories) implements DimensionSpec {
        public Categorical {
            categories = List.copyOf(categories);
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("dimension \"" + name + "\": expected at least one category, found none");
            }
            if (categories.stream().distinct().count() != categories.size()) {
                throw new IllegalArgumentException("dimension \"" + name + "\": categories must be distinct, found "
                        + categories);
            }
        }
    }
}
