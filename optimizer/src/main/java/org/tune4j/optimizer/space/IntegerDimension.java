package org.tune4j.optimizer.space;

import java.util.random.RandomGenerator;

/**
 * An integer dimension on [low, high] (both included) with a uniform or log-uniform prior.
 *
 * <p>Unit encoding (one column): integer k owns the slice [k, k + 1) of the continuous range
 * [low, high + 1), and that range is mapped linearly (uniform) or in log10 (log-uniform) onto
 * [0, 1]; k is encoded at the centre of its slice (k + 0.5) and any unit value decodes to the
 * integer whose slice contains it. Every integer therefore gets an equal share of the unit
 * interval under the uniform prior, so unit-cube designs (Sobol, Latin hypercube) stay balanced
 * and a continuous optimum found by gradient refinement snaps to the nearest slice. (scikit-optimize
 * instead puts low at 0 and high at 1, which halves the share of the two end values.)
 */
public record IntegerDimension(String name, int low, int high, Prior prior) implements Dimension {

    public IntegerDimension {
        Dimensions.requireName(name);
        Dimensions.requirePrior(name, prior);
        Dimensions.requireBounds(name, low, high, prior);
    }

    /** A uniform integer dimension. */
    public IntegerDimension(String name, int low, int high) {
        this(name, low, high, Prior.UNIFORM);
    }

    @Override
    public Integer sample(RandomGenerator rng) {
        return fromUnit(rng.nextDouble());
    }

    @Override
    public int unitWidth() {
        return 1;
    }

    @Override
    public void toUnit(Object value, double[] out, int offset) {
        int k = validate(value);
        double c = k + 0.5;
        out[offset] = prior == Prior.LOG_UNIFORM
                ? (Math.log(c) - Math.log(low)) / (Math.log(high + 1.0) - Math.log(low))
                : (c - low) / (high + 1.0 - low);
    }

    @Override
    public Integer fromUnit(double[] unit, int offset) {
        return fromUnit(unit[offset]);
    }

    private Integer fromUnit(double u) {
        double c = Math.min(1.0, Math.max(0.0, u));
        double v = prior == Prior.LOG_UNIFORM
                ? Math.exp(Math.log(low) + c * (Math.log(high + 1.0) - Math.log(low)))
                : low + c * (high + 1.0 - low);
        long k = (long) Math.floor(v);
        return (int) Math.min(high, Math.max(low, k));
    }

    @Override
    public Integer validate(Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(Dimensions.where(name) + "expected an integer in [" + low + ", "
                    + high + "], found " + Dimensions.describe(value));
        }
        double v = number.doubleValue();
        if (v != Math.rint(v) || !(v >= low && v <= high)) {
            throw new IllegalArgumentException(Dimensions.where(name) + "expected an integer in [" + low + ", "
                    + high + "], found " + number);
        }
        return (int) v;
    }

    @Override
    public long cardinality() {
        return (long) high - low + 1;
    }
}
