package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.ElementwiseOps;
import org.tune4j.engine.spi.Providers;

/**
 * An element-wise activation function, the extension point behind {@link ActivationLayer}. Its
 * derivative is written in terms of the output y = f(x), which is all the backward pass keeps (so
 * the layer runs in place); a function whose derivative needs x cannot be one.
 *
 * <p><b>Adding one</b> is one class plus one line: implement {@link #name()}, {@link #description()},
 * {@link #apply} and {@link #derivativeFromOutput} (the array loops {@link #forward} and
 * {@link #backward} follow from them), give it a public no-arg constructor, and put its binary name
 * in {@code META-INF/services/org.tune4j.engine.layer.Activation}. Model files, {@code train
 * --activation} and space files then know it by {@link #name()}.
 *
 * <p><b>Life cycle.</b> Found by {@link #parse} (or the tuner's registry), then called by every
 * worker at once: an implementation is immutable and keeps no per-call state. Implementations
 * compare equal when they compute the same function (the built-ins are empty records), so a parsed
 * activation equals the constant. Softmax is not here: it is fused with the cross-entropy loss in
 * {@link SoftmaxCrossEntropy}.
 */
public interface Activation {

    /** y = max(0, x). */
    Activation RELU = new Relu();
    /** y = 1 / (1 + e^-x). */
    Activation SIGMOID = new Sigmoid();
    /** y = tanh x. */
    Activation TANH = new Tanh();

    /** The lower-case name model files, the CLI and space files use: "relu". */
    String name();

    /** One line for --help and the docs. */
    String description();

    /** y = f(x). */
    float apply(float x);

    /** dy/dx written in terms of y = f(x). */
    float derivativeFromOutput(float y);

    /**
     * out[i] = f(input[i]) for i &lt; size; {@code out} may be {@code input}. The default is
     * {@link #apply} per element; an implementation may use the worker's SIMD {@code ops}.
     *
     * @param input (size)
     * @param out   (size), overwritten
     */
    default void forward(ElementwiseOps ops, float[] input, float[] out, int size) {
        for (int i = 0; i < size; i++) {
            out[i] = apply(input[i]);
        }
    }

    /**
     * dInput[i] = dOut[i] f'(x[i]) for i &lt; size, with f' from the kept output; {@code dInput}
     * may be {@code dOut}.
     *
     * @param out    (size), the matching forward's output
     * @param dOut   (size)
     * @param dInput (size), overwritten
     */
    default void backward(ElementwiseOps ops, float[] out, float[] dOut, float[] dInput, int size) {
        for (int i = 0; i < size; i++) {
            dInput[i] = dOut[i] * derivativeFromOutput(out[i]);
        }
    }

    /** Same as {@link #name()}. */
    default String id() {
        return name();
    }

    /**
     * The registered activation named {@code name} (any case).
     *
     * @throws IllegalArgumentException listing the registered names when none is called so
     */
    static Activation parse(String name) {
        return Providers.byName(Activation.class, "activation", Activation::name, name);
    }
}
