package org.tune4j.optimizer.space;

/** Shared checks and messages for the dimension records. */
final class Dimensions {
    private Dimensions() {
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dimension name must not be blank, found "
                    + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /**
     * Checks the bounds of a numeric dimension: low < high, and low > 0 under a log-uniform prior
     * (NaN fails both). Messages print the bounds as given (1 for an integer, 1.0 for a real).
     */
    static void requireBounds(String name, Number low, Number high, Prior prior) {
        if (!(low.doubleValue() < high.doubleValue())) {
            throw new IllegalArgumentException("dimension '" + name + "': expected low < high, found low=" + low
                    + ", high=" + high);
        }
        if (prior == Prior.LOG_UNIFORM && !(low.doubleValue() > 0)) {
            throw new IllegalArgumentException("dimension '" + name + "': log-uniform prior needs low > 0, found low="
                    + low);
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s + "' (a string)";
        }
        return value + " (a " + value.getClass().getSimpleName() + ")";
    }
}
