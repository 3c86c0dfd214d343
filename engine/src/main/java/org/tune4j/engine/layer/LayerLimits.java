package org.tune4j.engine.layer;

import java.util.Locale;

/**
 * The largest layers this engine builds, checked in 64-bit arithmetic before anything is
 * allocated: a 101-byte model file can claim an input of 46340 x 46340 or a kernel of 100000, and
 * must be refused with a message rather than run out of memory or overflow an int. The limits are
 * far above any network the tutorial trains (its largest layer holds 2,306 x 512 weights) and
 * below the point where one example or one layer's weights fill a default heap on their own.
 *
 * <ul>
 *   <li>{@link #MAX_VALUES_PER_EXAMPLE}: 2^26 (67,108,864) values in any layer's input or output
 *       for one example (256 MB of float32; 8192 x 8192 on one channel);</li>
 *   <li>{@link #MAX_PARAMETERS}: 2^28 (268,435,456) parameters in one layer, and in a whole model
 *       (1 GB of float32; training holds four to six copies).</li>
 * </ul>
 * Not a memory estimate of a whole training run: see {@code train.TrainingMemory}.
 */
public final class LayerLimits {
    /** The most values one example may have at any layer's input or output. */
    public static final long MAX_VALUES_PER_EXAMPLE = 1L << 26;
    /** The most parameters of one layer, and of a whole model. */
    public static final long MAX_PARAMETERS = 1L << 28;

    private LayerLimits() {
    }

    /**
     * Refuses {@code values} above {@link #MAX_VALUES_PER_EXAMPLE}.
     *
     * @param what names the shape, e.g. "Conv2D output 16 x 46340 x 46340"
     * @return {@code values} as an int
     */
    public static int requireValues(String what, long values) {
        if (values > MAX_VALUES_PER_EXAMPLE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %,d values per example, more than the "
                    + "limit of %,d", what, values, MAX_VALUES_PER_EXAMPLE));
        }
        return (int) values;
    }

    /**
     * Refuses {@code parameters} above {@link #MAX_PARAMETERS}.
     *
     * @param what names the layer and how the count arises, e.g. "Dense 1764 inputs x 2000000 units"
     * @return {@code parameters} as an int
     */
    public static int requireParameters(String what, long parameters) {
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %,d parameters, more than the limit "
                    + "of %,d", what, parameters, MAX_PARAMETERS));
        }
        return (int) parameters;
    }
}
