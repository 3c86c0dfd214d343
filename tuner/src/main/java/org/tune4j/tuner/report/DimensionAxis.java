package org.tune4j.tuner.report;

import java.util.List;
import java.util.Locale;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.Dimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;

/**
 * A search-space dimension on a plot's axis: a view of the optimizer's {@link Dimension} (which
 * owns the bounds, the prior and the validation) with what a plot needs to place a value.
 *
 * <p>Axis convention used by every plot ("axis space"): a value is drawn at {@code log10(value)}
 * when the dimension has a log axis (a log-uniform prior, except for an integer dimension of at most
 * {@value #MAX_LABELLED_STEPS} steps, which is clearer with every value labelled), at the value
 * itself otherwise, and a categorical value at the index of its category (0, 1, ...). Tick labels
 * show values ({@link #format}), so a log axis reads 1e-06, 1e-05, ...; histogram bins and heat-map
 * cells are evenly spaced in axis space, i.e. log-spaced on a log axis.
 *
 * @param dimension the dimension drawn: a {@link RealDimension}, an {@link IntegerDimension} or a
 *                  {@link CategoricalDimension} (the three a space file can hold)
 */
public record DimensionAxis(Dimension dimension) {

    /** The three kinds of dimension a space file holds, as the report names them. */
    public enum Kind { REAL, INTEGER, CATEGORICAL }

    public DimensionAxis {
        kindOf(dimension);
    }

    /** The axes of every dimension of {@code space}, in dimension order. */
    public static List<DimensionAxis> of(Space space) {
        return space.dimensions().stream().map(DimensionAxis::new).toList();
    }

    private static Kind kindOf(Dimension dimension) {
        if (dimension instanceof RealDimension) {
            return Kind.REAL;
        }
        if (dimension instanceof IntegerDimension) {
            return Kind.INTEGER;
        }
        if (dimension instanceof CategoricalDimension) {
            return Kind.CATEGORICAL;
        }
        throw new IllegalArgumentException("dimension \"" + dimension.name() + "\": a report draws real, integer and "
                + "categorical dimensions, found a " + dimension.getClass().getSimpleName());
    }

    /** The hyper-parameter's name, e.g. {@code learning_rate}. */
    public String name() {
        return dimension.name();
    }

    public Kind kind() {
        return kindOf(dimension);
    }

    /** The lower bound of a numeric dimension; 0 (the first category's index) for a categorical one. */
    public double low() {
        if (dimension instanceof RealDimension r) {
            return r.low();
        }
        return dimension instanceof IntegerDimension i ? i.low() : 0;
    }

    /** The upper bound of a numeric dimension; the last category's index for a categorical one. */
    public double high() {
        if (dimension instanceof RealDimension r) {
            return r.high();
        }
        return dimension instanceof IntegerDimension i ? i.high() : categories().size() - 1;
    }

    /** True when the prior is log-uniform. */
    public boolean logUniform() {
        if (dimension instanceof RealDimension r) {
            return r.prior() == Prior.LOG_UNIFORM;
        }
        return dimension instanceof IntegerDimension i && i.prior() == Prior.LOG_UNIFORM;
    }

    /** The category names in order; empty for a numeric dimension. */
    public List<String> categories() {
        return dimension instanceof CategoricalDimension c ? c.categories() : List.of();
    }

    public boolean isCategorical() {
        return kind() == Kind.CATEGORICAL;
    }

    /** Integer dimensions with at most this many steps get a linear axis with every value labelled. */
    public static final int MAX_LABELLED_STEPS = 12;

    /** True when values are drawn at their log10 (see the class comment). */
    public boolean logAxis() {
        return logUniform() && !(kind() == Kind.INTEGER && high() - low() <= MAX_LABELLED_STEPS);
    }

    /** True for a categorical dimension or a small integer range: a labelled tick at every value. */
    public boolean everyValueLabelled() {
        return isCategorical() || (kind() == Kind.INTEGER && !logAxis() && high() - low() <= MAX_LABELLED_STEPS);
    }

    /** Where {@code value} (a Number, or a category name) sits on this dimension's axis. */
    public double axisValue(Object value) {
        if (isCategorical()) {
            int index = categories().indexOf(String.valueOf(value));
            if (index < 0) {
                throw new IllegalArgumentException("dimension \"" + name() + "\": expected one of " + categories()
                        + ", found " + value);
            }
            return index;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("dimension \"" + name() + "\": expected a number, found " + value);
        }
        return toAxis(number.doubleValue());
    }

    /** A numeric value in axis space. */
    public double toAxis(double value) {
        return logAxis() ? Math.log10(value) : value;
    }

    /** The value at an axis position (the category index for a categorical dimension). */
    public double fromAxis(double axis) {
        return logAxis() ? Math.pow(10, axis) : axis;
    }

    /**
     * The axis range of this dimension: the bounds in axis space; for an integer dimension on a
     * linear axis and around the k categories ([-0.5, k - 0.5]) half a step beyond, so that the end
     * values are not drawn on the plot's border.
     */
    public double axisMin() {
        return kind() == Kind.REAL || logAxis() ? toAxis(low()) : low() - 0.5;
    }

    /** See {@link #axisMin()}. */
    public double axisMax() {
        return kind() == Kind.REAL || logAxis() ? toAxis(high()) : high() + 0.5;
    }

    /**
     * The value at an axis position as a person reads it: a category name (empty between
     * categories), a whole number, or up to 4 significant digits.
     */
    public String format(double axisValue) {
        if (isCategorical()) {
            long index = Math.round(axisValue);
            boolean onCategory = Math.abs(axisValue - index) < 1e-9 && index >= 0 && index < categories().size();
            return onCategory ? categories().get((int) index) : "";
        }
        double value = fromAxis(axisValue);
        return kind() == Kind.INTEGER ? Long.toString(Math.round(value)) : formatReal(value);
    }

    /** A tick label for an axis position: as {@link #format}, but reals with 2 significant digits (0.0032). */
    public String formatTick(double axisValue) {
        if (kind() != Kind.REAL) {
            return format(axisValue);
        }
        double value = fromAxis(axisValue);
        double magnitude = Math.abs(value);
        if (value != 0 && (magnitude < 1e-3 || magnitude >= 1e4)) {
            return String.format(Locale.ROOT, "%.1e", value).replace(".0e", "e");
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** A parameter value as a person reads it, e.g. {@code 1e-05}, {@code 104}, {@code relu}. */
    public String formatValue(Object value) {
        return isCategorical() ? String.valueOf(value) : format(axisValue(value));
    }

    static String formatReal(double x) {
        double magnitude = Math.abs(x);
        if (x != 0 && (magnitude < 1e-3 || magnitude >= 1e4)) {
            return String.format(Locale.ROOT, "%.1e", x).replace(".0e", "e");   // 1e-05, 3.2e-06
        }
        return String.format(Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
