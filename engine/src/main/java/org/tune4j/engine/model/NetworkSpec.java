package org.tune4j.engine.model;

import java.util.List;
import java.util.Objects;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.ConvAlgorithm;
import org.tune4j.engine.layer.Padding;

/**
 * The network family of Hvass-Labs tutorial #19: convolution blocks (conv "same" + activation +
 * 2x2 max pool), flatten, {@code denseLayers} dense layers of {@code denseNodes} with the
 * activation, and a final dense layer of {@code classes} logits (softmax is part of the loss).
 *
 * <p>{@link #tutorial} gives the original: 28x28x1 input, {@link #TUTORIAL_CONV_LAYERS}, 10 classes.
 * The {@code with*} methods vary it for the tutorial's exercises (more conv layers, other data).
 * Validated on construction: an impossible network fails here, with the reason, not mid-training.
 */
public record NetworkSpec(int channels, int height, int width, int classes, List<ConvSpec> convLayers,
                          int denseLayers, int denseNodes, Activation activation) {

    /** The pooling window (and stride) after every convolution. */
    public static final int POOL = 2;

    /** The tutorial's convolutions: 16 then 36 filters, both 5x5. */
    public static final List<ConvSpec> TUTORIAL_CONV_LAYERS = List.of(new ConvSpec(16, 5), new ConvSpec(36, 5));

    public NetworkSpec {
        convLayers = List.copyOf(convLayers);
        Objects.requireNonNull(activation, "activation");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input must have positive channels, height and width, found "
                    + channels + "x" + height + "x" + width);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, found " + classes);
        }
        if (denseLayers < 0) {
            throw new IllegalArgumentException("dense layers must be at least 0, found " + denseLayers);
        }
        if (denseLayers > 0 && denseNodes <= 0) {
            throw new IllegalArgumentException("dense nodes must be at least 1, found " + denseNodes);
        }
        int depth = convLayers.size();
        long minimum = 1L << Math.min(depth, 40);
        if (height < minimum || width < minimum) {
            throw new IllegalArgumentException(depth + " conv layer" + (depth == 1 ? "" : "s") + " with " + POOL + "x" + POOL
                    + " pooling need an input of at least " + minimum + "x" + minimum
                    + ", found " + height + "x" + width);
        }
    }

    /** The tutorial's network on 28x28 grayscale images with 10 classes. */
    public static NetworkSpec tutorial(int denseLayers, int denseNodes, Activation activation) {
        return new NetworkSpec(1, 28, 28, 10, TUTORIAL_CONV_LAYERS, denseLayers, denseNodes, activation);
    }

    public NetworkSpec withConvLayers(List<ConvSpec> conv) {
        return new NetworkSpec(channels, height, width, classes, conv, denseLayers, denseNodes, activation);
    }

    public NetworkSpec withDenseLayers(int newDenseLayers) {
        return new NetworkSpec(channels, height, width, classes, convLayers, newDenseLayers, denseNodes, activation);
    }

    public NetworkSpec withDenseNodes(int newDenseNodes) {
        return new NetworkSpec(channels, height, width, classes, convLayers, denseLayers, newDenseNodes, activation);
    }

    public NetworkSpec withActivation(Activation newActivation) {
        return new NetworkSpec(channels, height, width, classes, convLayers, denseLayers, denseNodes, newActivation);
    }

    public NetworkSpec withInput(int newChannels, int newHeight, int newWidth) {
        return new NetworkSpec(newChannels, newHeight, newWidth, classes, convLayers, denseLayers, denseNodes, activation);
    }

    public NetworkSpec withClasses(int newClasses) {
        return new NetworkSpec(channels, height, width, newClasses, convLayers, denseLayers, denseNodes, activation);
    }

    /** The model, initialised as Keras does from {@code seed}. */
    public Sequential build(long seed) {
        return builder().build(seed);
    }

    /**
     * The model's layers, not yet built: nothing of the size of its parameters is allocated, so a
     * caller can check the size ({@link Sequential.Builder#countParameters()}) or the memory training
     * needs before building.
     */
    public Sequential.Builder builder() {
        return builder(null);
    }

    /**
     * As {@link #builder()}, each convolution on {@code conv} where it supports the layer's shape
     * and on {@link ConvAlgorithm#fastest} elsewhere (null: everywhere). The algorithm changes
     * only how the passes are computed (and their float rounding), not the parameters.
     */
    public Sequential.Builder builder(ConvAlgorithm conv) {
        Sequential.Builder b = Sequential.builder(channels, height, width);
        for (ConvSpec layer : convLayers) {
            b.conv2d(layer.filters(), layer.kernelSize(), 1, Padding.SAME, conv).activation(activation).maxPool(POOL);
        }
        b.flatten();
        for (int i = 0; i < denseLayers; i++) {
            b.dense(denseNodes).activation(activation);
        }
        return b.dense(classes);
    }
}
