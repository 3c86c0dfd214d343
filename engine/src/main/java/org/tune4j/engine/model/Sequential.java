package org.tune4j.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.ActivationLayer;
import org.tune4j.engine.layer.Conv2D;
import org.tune4j.engine.layer.ConvAlgorithm;
import org.tune4j.engine.layer.Dense;
import org.tune4j.engine.layer.Flatten;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.layer.LayerLimits;
import org.tune4j.engine.layer.MaxPool2D;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.tensor.Shape;

/**
 * A stack of layers applied in order, with all their parameters in one flat float32 vector
 * (layer by layer, each layer's kernel then bias). The last layer's output are the logits; the
 * loss ({@link org.tune4j.engine.layer.SoftmaxCrossEntropy}) is applied by the trainer.
 *
 * <p>A model holds parameters only. Running it needs per-thread buffers: see
 * {@code org.tune4j.engine.train.Trainer} and {@code Evaluator}. Built with {@link #builder}:
 * <pre>{@code
 * Sequential m = Sequential.builder(1, 28, 28)
 *         .conv2d(16, 5, Padding.SAME).activation(Activation.RELU).maxPool(2)
 *         .flatten().dense(16).activation(Activation.RELU).dense(10)
 *         .build(seed);
 * }</pre>
 */
public final class Sequential {

    private final Shape inputShape;
    private final List<Layer> layers;
    private final int[] offsets;       // (layers): start of each layer's parameters
    private final float[] parameters;  // (parameterCount)

    private Sequential(Shape inputShape, List<Layer> layers, float[] parameters) {
        this.inputShape = inputShape;
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
        this.offsets = new int[layers.size()];
        int total = 0;
        for (int i = 0; i < layers.size(); i++) {
            offsets[i] = total;
            total = Math.addExact(total, layers.get(i).parameterCount());
        }
        if (parameters.length != total) {
            throw new IllegalArgumentException("model needs " + total + " parameters, found " + parameters.length);
        }
        this.parameters = parameters;
    }

    /** Starts a model whose examples are (channels, height, width) images. */
    public static Builder builder(int channels, int height, int width) {
        if (channels > 0 && height > 0 && width > 0) {
            LayerLimits.requireValues("input " + channels + " x " + height + " x " + width,
                    (long) channels * height * width);
        }
        return new Builder(Shape.of(channels, height, width));
    }

    public Shape inputShape() { return inputShape; }

    /** Shape of the logits, (classes). */
    public Shape outputShape() { return layers.isEmpty() ? inputShape : layers.get(layers.size() - 1).outputShape(); }

    /** The layers in order (unmodifiable). */
    public List<Layer> layers() { return layers; }

    /** Where layer {@code i}'s parameters start in {@link #parameters()}. */
    public int parameterOffset(int i) { return offsets[i]; }

    /** Total number of trainable parameters. */
    public int parameterCount() { return parameters.length; }

    /**
     * The live parameter vector, updated in place by training. Callers that keep a snapshot must
     * copy it (or use {@link #copy()}); nothing may write to it while a pass runs.
     */
    public float[] parameters() { return parameters; }

    /** An independent model with the same layers and a copy of the parameters. */
    public Sequential copy() {
        return new Sequential(inputShape, layers, parameters.clone());
    }

    /** A table of layer, output shape and parameter count, with the total, as Keras prints it. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        String format = "%-24s %-22s %12s%n";
        String rule = "-".repeat(60) + System.lineSeparator();
        sb.append(String.format(Locale.ROOT, format, "Layer (type)", "Output Shape", "Param #"));
        sb.append(rule.replace('-', '='));
        sb.append(String.format(Locale.ROOT, format, "input", "(N, " + inputShape.toString().substring(1), 0));
        Map<String, Integer> seen = new HashMap<>();
        for (Layer layer : layers) {
            int index = seen.merge(layer.kind(), 1, Integer::sum);
            String name = layer.kind().toLowerCase(Locale.ROOT) + "_" + index + " (" + describe(layer) + ")";
            String shape = "(N, " + layer.outputShape().toString().substring(1);
            sb.append(String.format(Locale.ROOT, format, name, shape,
                    String.format(Locale.ROOT, "%,d", layer.parameterCount())));
        }
        sb.append(rule.replace('-', '='));
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", parameterCount()));
        return sb.toString();
    }

    private static String describe(Layer layer) {
        return layer instanceof ActivationLayer a ? a.activation().id() : layer.kind();
    }

    /** Adds layers one at a time, each sized from the previous one's output. */
    public static final class Builder {
        private final Shape inputShape;
        private final List<Layer> layers = new ArrayList<>();
        private Shape current;

        private Builder(Shape inputShape) {
            this.inputShape = inputShape;
            this.current = inputShape;
        }

        /** Adds any layer built from the current output shape. */
        public Builder add(Function<Shape, Layer> factory) {
            Layer layer = factory.apply(current);
            if (!layer.inputShape().equals(current)) {
                throw new IllegalArgumentException(layer.kind() + " expects input " + layer.inputShape()
                        + " but the previous layer gives " + current);
            }
            layers.add(layer);
            current = layer.outputShape();
            return this;
        }

        /** Convolution with stride 1. */
        public Builder conv2d(int filters, int kernelSize, Padding padding) {
            return conv2d(filters, kernelSize, 1, padding);
        }

        public Builder conv2d(int filters, int kernelSize, int stride, Padding padding) {
            return add(s -> new Conv2D(s, filters, kernelSize, stride, padding));
        }

        /** Convolution on {@code preferred} where it supports the shape ({@link Conv2D#preferring}). */
        public Builder conv2d(int filters, int kernelSize, int stride, Padding padding, ConvAlgorithm preferred) {
            return add(s -> Conv2D.preferring(s, filters, kernelSize, stride, padding, preferred));
        }

        public Builder activation(Activation activation) {
            return add(s -> new ActivationLayer(s, activation));
        }

        /** Max pooling with stride equal to the pool size (Keras' default). */
        public Builder maxPool(int pool) {
            return maxPool(pool, pool);
        }

        public Builder maxPool(int pool, int stride) {
            return add(s -> new MaxPool2D(s, pool, stride));
        }

        public Builder flatten() {
            return add(Flatten::new);
        }

        public Builder dense(int units) {
            return add(s -> new Dense(s, units));
        }

        /** The model with Keras' initialisation drawn from {@code seed}, layer by layer in order. */
        public Sequential build(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            Sequential model = new Sequential(inputShape, layers, new float[countParameters()]);
            for (int i = 0; i < layers.size(); i++) {
                layers.get(i).initialize(model.parameters, model.offsets[i], rng);
            }
            return model;
        }

        /** The model with the given parameter vector (used as is, not copied), e.g. read from a file. */
        public Sequential buildWith(float[] parameters) {
            countParameters();
            return new Sequential(inputShape, layers, parameters);
        }

        /** The model's parameters, refused above {@link LayerLimits#MAX_PARAMETERS} before any is allocated. */
        public int countParameters() {
            long total = 0;
            for (Layer layer : layers) {
                total += layer.parameterCount();
            }
            return LayerLimits.requireParameters("model of " + layers.size() + " layers", total);
        }

        /** The layers added so far, in order. */
        public List<Layer> layers() {
            return Collections.unmodifiableList(layers);
        }

        /** The shape the model takes. */
        public Shape inputShape() {
            return inputShape;
        }
    }
}
