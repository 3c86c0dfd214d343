package org.tune4j.optimizer.space;

import java.util.random.RandomGenerator;

/**
 * One named hyper-parameter of a search space: its prior, sampling, validation and encoding in
 * the unit interval.
 *
 * <p>Life cycle: a dimension is immutable and validated when constructed (errors name the
 * dimension and the offending field). Afterwards every method is a pure function and may be
 * called from any thread: {@link #sample} draws a value from the prior, {@link #validate} coerces
 * a value coming from the outside world (JSON, a journal, a user) to the canonical Java type,
 * {@link #toUnit} writes the value's encoding into {@link #unitWidth()} consecutive slots of a
 * unit-cube vector, and {@link #fromUnit} maps any vector of that cube (including continuous
 * values between encodings) back to the nearest valid value.
 *
 * <p>Invariant: {@code fromUnit(toUnit(v)) equals v} for every valid {@code v} (up to floating
 * point rounding for real dimensions).
 */
public interface Dimension {

    /** The dimension's name, unique within a space. */
    String name();

    /** Draws a value from the dimension's prior. */
    Object sample(RandomGenerator rng);

    /** Number of unit-cube columns this dimension occupies. */
    int unitWidth();

    /** Writes the unit encoding of a valid value into {@code out[offset .. offset + unitWidth())}. */
    void toUnit(Object value, double[] out, int offset);

    /** Maps {@code unit[offset .. offset + unitWidth())} (clipped to [0, 1]) to the nearest valid value. */
    Object fromUnit(double[] unit, int offset);

    /**
     * Coerces a value to this dimension's canonical type (Double, Integer or String) and checks it.
     *
     * @throws IllegalArgumentException naming the dimension, the value and the expected range or categories
     */
    Object validate(Object value);

    /** Number of distinct values, or {@link Long#MAX_VALUE} for a continuous dimension. */
    long cardinality();
}
