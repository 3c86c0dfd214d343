package org.tune4j.tuner.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One dimension of the search space as {@code results.json} describes it, with what a plot needs to
 * place a value on an axis.
 *
 * <p>Axis convention used by every plot: real and integer values are plotted as they are (on a
 * logarithmic axis when the prior is log-uniform); a categorical value is plotted at the index of
 * its category (0, 1, ...), and tick labels show the category names.
 *
 * <p>This is a description for drawing only; the optimizer's own {@code Dimension} types do the
 * sampling and the unit-cube mapping.
 *
 * @param name       the hyper-parameter's name, e.g. {@code learning_rate}
 * @param kind       real, integer or categorical
 * @param low        lower bound (numeric kinds; 0 for categorical)
 * @param high       upper bound (numeric kinds; number of categories - 1 for categorical)
 * @param logUniform true when the prior is log-uniform (log axis)
 * @param categories the category names in order (empty for numeric kinds)
 */
public record DimensionInfo(String name, Kind kind, double low, double high, boolean logUniform,
                            List<String> categories) {

    /** The three kinds of dimension results.json knows. */
    public enum Kind { REAL, INTEGER, CATEGORICAL }

    public DimensionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        categories = List.copyOf(categories);
        if (kind == Kind.CATEGORICAL && categories.isEmpty()) {
            throw new IllegalArgumentException("dimension " + name + ": expected at least one category, found none");
        }
        if (kind != Kind.CATEGORICAL && !(low < high)) {
            throw new IllegalArgumentException("dimension " + name + ": expected low < high, found low " + low + ", high " + high);
        }
        if (logUniform && !(low > 0)) {
            throw new IllegalArgumentException("dimension " + name + ": a log-uniform prior needs low > 0, found " + low);
        }
    }

    /** A categorical dimension over {@code categories}. */
    public static DimensionInfo categorical(String name, List<String> categories) {
        return new DimensionInfo(name, Kind.CATEGORICAL, 0, categories.size() - 1, false, categories);
    }

    public boolean isCategorical() {
        return kind == Kind.CATEGORICAL;
    }

    /** Where {@code value} (a Number, or a category name) sits on this dimension's axis. */
    public double axisValue(Object value) {
        if (isCategorical()) {
            int index = categories.indexOf(String.valueOf(value));
            if (index < 0) {
                throw new IllegalArgumentException("dimension " + name + ": expected one of " + categories
                        + ", found " + value);
            }
            return index;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("dimension " + name + ": expected a number, found " + value);
        }
        return number.doubleValue();
    }

    /**
     * The axis range of this dimension: the bounds of a real dimension; half a step beyond the bounds
     * of an integer dimension and around the k categories ([-0.5, k - 0.5]) so that the end values
     * are not drawn on the plot's border.
     */
    public double axisMin() {
        return kind == Kind.REAL ? low : low - 0.5;
    }

    /** See {@link #axisMin()}. */
    public double axisMax() {
        return kind == Kind.REAL ? high : high + 0.5;
    }

    /** A short, readable form of an axis value: a category name, an integer, or 3 significant digits. */
    public String format(double axisValue) {
        if (isCategorical()) {
            long index = Math.round(axisValue);
            boolean onCategory = Math.abs(axisValue - index) < 1e-9 && index >= 0 && index < categories.size();
            return onCategory ? categories.get((int) index) : "";
        }
        if (kind == Kind.INTEGER) {
            return Long.toString(Math.round(axisValue));
        }
        return formatReal(axisValue);
    }

    /** A parameter value as a person reads it, e.g. {@code 1.0e-05}, {@code 104}, {@code relu}. */
    public String formatValue(Object value) {
        return isCategorical() ? String.valueOf(value) : format(axisValue(value));
    }

    static String formatReal(double x) {
        double magnitude = Math.abs(x);
        if (x != 0 && (magnitude < 1e-3 || magnitude >= 1e4)) {
            return String.format(Locale.ROOT, "%.1e", x);
        }
        return String.format(Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
