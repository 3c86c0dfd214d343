package org.tune4j.optimizer.space;

/**
 * Shared checks and messages for the dimension records. Every message starts with
 * {@code dimension "<name>": field "<field>":} and says what was expected and what was found.
 */
final class Dimensions {
    private Dimensions() {
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dimension name: expected a non-blank name, found "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
    }

    /** The start of every message about a dimension: {@code dimension "lr": }. */
    static String where(String name) {
        return "dimension \"" + name + "\": ";
    }

    /** The start of every message about a field of a dimension: {@code dimension "lr": field "low": }. */
    static String where(String name, String field) {
        return where(name) + "field \"" + field + "\": ";
    }

    static void requirePrior(String name, Prior prior) {
        if (prior == null) {
            throw new IllegalArgumentException(where(name, "prior") + "expected uniform or log-uniform, found null");
        }
    }

    /**
     * Checks the bounds of a numeric dimension: low < high, and low > 0 under a log-uniform prior
     * (NaN fails both). Messages print the bounds as given (1 for an integer, 1.0 for a real).
     */
    static void requireBounds(String name, Number low, Number high, Prior prior) {
        if (!(low.doubleValue() < high.doubleValue())) {
            throw new IllegalArgumentException(where(name, "high") + "expected low < high, found low " + low
                    + ", high " + high);
        }
        if (prior == Prior.LOG_UNIFORM && !(low.doubleValue() > 0)) {
            throw new IllegalArgumentException(where(name, "low") + "a log-uniform prior needs low > 0, found low "
                    + low);
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s + "\" (a string)";
        }
        return value + " (a " + value.getClass().getSimpleName() + ")";
    }
}
