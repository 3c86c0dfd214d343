package org.tune4j.engine.layer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Element-wise activation functions. The derivative is expressed through the output y = f(x),
 * which is what the backward pass keeps:
 * <ul>
 *   <li>RELU: y = max(0, x), dy/dx = 1 if y &gt; 0 else 0 (0 at x = 0, as TensorFlow and PyTorch); NaN stays NaN</li>
 *   <li>SIGMOID: y = 1 / (1 + e^-x), dy/dx = y (1 - y)</li>
 *   <li>TANH: y = tanh x, dy/dx = 1 - y^2</li>
 * </ul>
 * Softmax is not here: it is fused with the cross-entropy loss in {@link SoftmaxCrossEntropy}.
 */
public enum Activation {
    RELU, SIGMOID, TANH;

    /** y = f(x). */
    public float apply(float x) {
        return switch (this) {
            case RELU -> Math.max(x, 0f);
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-x)));
            case TANH -> (float) Math.tanh(x);
        };
    }

    /** dy/dx written in terms of y = f(x). */
    public float derivativeFromOutput(float y) {
        return switch (this) {
            case RELU -> y > 0f ? 1f : 0f;
            case SIGMOID -> y * (1f - y);
            case TANH -> 1f - y * y;
        };
    }

    /** Lower-case name: "relu", "sigmoid", "tanh". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name in any case; the error lists the valid names. */
    public static Activation parse(String name) {
        String wanted = name == null ? "" : name.trim();
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "', expected one of: "
                + Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", ")));
    }
}
