package org.tune4j.optimizer.space;

import java.util.random.RandomGenerator;

/**
 * A real-valued dimension on the closed interval [low, high] with a uniform or log-uniform prior;
 * low, high and the span high - low are finite and low < high (low > 0 when log-uniform), with at
 * least {@link #MIN_DISTINCT_VALUES} doubles between them.
 * The unit encoding is one column, linear in the value (uniform) or in log10 of the value
 * (log-uniform), as in scikit-optimize's {@code Real(..., transform="normalize")}.
 */
public record RealDimension(String name, double low, double high, Prior prior) implements Dimension {

    public RealDimension {
        Dimensions.requireName(name);
        Dimensions.requirePrior(name, prior);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(Dimensions.where(name, Double.isFinite(low) ? "high" : "low")
                    + "expected a finite number, found low " + low + ", high " + high);
        }
        Dimensions.requireBounds(name, low, high, prior);
        if (!Double.isFinite(high - low)) {
            throw new IllegalArgumentException(Dimensions.where(name, "high") + "expected a span high - low that is "
                    + "a finite number, found low " + low + ", high " + high);
        }
        double representable = (high - low) / Math.ulp(Math.max(Math.abs(low), Math.abs(high)));
        if (representable < MIN_DISTINCT_VALUES) {
            throw new IllegalArgumentException(Dimensions.where(name, "high") + "expected a range holding at least "
                    + MIN_DISTINCT_VALUES + " distinct floating-point numbers, found low " + low + ", high " + high
                    + " (about " + Math.max(2, (long) representable + 1) + "): use a wider range, or a fixed value");
        }
    }

    /**
     * The fewest distinct doubles a range must hold: a narrower one (1.0 to 1.0000000000000002 holds
     * two) runs out of unevaluated points after a trial or two and stops the study.
     */
    public static final int MIN_DISTINCT_VALUES = 1000;

    /** A uniform real dimension. */
    public RealDimension(String name, double low, double high) {
        this(name, low, high, Prior.UNIFORM);
    }

    @Override
    public Double sample(RandomGenerator rng) {
        return fromUnit(rng.nextDouble());
    }

    @Override
    public int unitWidth() {
        return 1;
    }

    @Override
    public void toUnit(Object value, double[] out, int offset) {
        double v = validate(value);
        out[offset] = prior == Prior.LOG_UNIFORM
                ? (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
                : (v - low) / (high - low);
    }

    @Override
    public Double fromUnit(double[] unit, int offset) {
        return fromUnit(unit[offset]);
    }

    private Double fromUnit(double u) {
        double c = Math.min(1.0, Math.max(0.0, u));
        double v = prior == Prior.LOG_UNIFORM
                ? Math.pow(10, Math.log10(low) + c * (Math.log10(high) - Math.log10(low)))
                : low + c * (high - low);
        return Math.min(high, Math.max(low, v));
    }

    @Override
    public Double validate(Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(Dimensions.where(name) + "expected a number in [" + low + ", "
                    + high + "], found " + Dimensions.describe(value));
        }
        double v = number.doubleValue();
        if (!(v >= low && v <= high)) {
            throw new IllegalArgumentException(Dimensions.where(name) + "expected a number in [" + low + ", "
                    + high + "], found " + v);
        }
        return v;
    }

    @Override
    public long cardinality() {
        return Long.MAX_VALUE;
    }
}
