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
