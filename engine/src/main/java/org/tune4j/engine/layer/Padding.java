package org.tune4j.engine.layer;

import java.util.Locale;

/**
 * Convolution padding, as in Keras/TensorFlow.
 * <ul>
 *   <li>{@link #VALID}: no padding; out = floor((in - kernel) / stride) + 1.</li>
 *   <li>{@link #SAME}: out = ceil(in / stride); the total padding max((out - 1) * stride + kernel - in, 0)
 *       is split with the smaller half before (top/left) and the larger after, as TensorFlow does.</li>
 * </ul>
 */
public enum Padding {
    SAME, VALID;

    /** Output length along one axis. */
    public int outputSize(int in, int kernel, int stride) {
        return this == SAME ? (in + stride - 1) / stride : (in - kernel) / stride + 1;
    }

    /** Padding added before the first element (top or left). */
    public int padBefore(int in, int kernel, int stride) {
        if (this == VALID) {
            return 0;
        }
        int total = Math.max((outputSize(in, kernel, stride) - 1) * stride + kernel - in, 0);
        return total / 2;
    }

    /** Parses "same" or "valid" (any case). */
    public static Padding parse(String name) {
        for (Padding p : values()) {
            if (p.name().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown padding '" + name + "', expected one of: same, valid");
    }

    /** Lower-case name as written in model files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
