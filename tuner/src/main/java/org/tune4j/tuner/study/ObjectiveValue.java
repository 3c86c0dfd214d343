package org.tune4j.tuner.study;

import java.util.regex.Pattern;

/**
 * The objective value an external command prints, read as Python's {@code float()} reads a
 * string (what a Python objective's {@code print(value)} writes): an optional sign, decimal digits
 * with an optional point and exponent, underscores between digits, or inf, infinity, nan in any
 * case; surrounding white space is ignored. Java's own literals that Python refuses ({@code 5d},
 * {@code 1f}, hexadecimal {@code 0x1p3}) are refused.
 */
final class ObjectiveValue {
    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:(?:" + DIGITS + ")?\\." + DIGITS + "|" + DIGITS
            + "\\.?)(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private ObjectiveValue() {
    }

    /**
     * The number {@code text} spells.
     *
     * @throws NumberFormatException when Python's {@code float()} would refuse it
     */
    static double parse(String text) {
        String s = text.strip();
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s.replace("_", ""));
        }
        if (SPECIAL.matcher(s).matches()) {
            boolean negative = s.startsWith("-");
            String word = s.replaceFirst("^[+-]", "").toLowerCase(java.util.Locale.ROOT);
            if (word.equals("nan")) {
                return Double.NaN;
            }
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException("not a number as Python's float() reads one: \"" + text + "\"");
    }
}
