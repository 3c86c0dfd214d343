package org.tune4j.tuner.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.ConvSpec;
import org.tune4j.engine.model.NetworkSpec;

/**
 * The one place where a point of the search space becomes the typed hyper-parameters of the
 * tutorial's network. Names are those of the space file; a name the space leaves out takes its
 * default (the tutorial's network: conv 16 and 36 filters of 5x5, batch 128).
 *
 * @param learningRate   Adam's learning rate ({@code learning_rate})
 * @param denseLayers    dense layers before the output ({@code num_dense_layers})
 * @param denseNodes     nodes per dense layer ({@code num_dense_nodes})
 * @param activation     activation of every hidden layer ({@code activation})
 * @param kernelSize     kernel size of every conv layer ({@code kernel_size})
 * @param conv1Filters   filters of the first conv layer ({@code conv1_filters})
 * @param conv2Filters   filters of the second and later conv layers ({@code conv2_filters})
 * @param batchSize      mini-batch size ({@code batch_size})
 * @param convLayers     number of conv blocks ({@code num_conv_layers})
 */
public record HyperParameters(double learningRate, int denseLayers, int denseNodes, Activation activation,
                              int kernelSize, int conv1Filters, int conv2Filters, int batchSize, int convLayers) {

    public static final String LEARNING_RATE = "learning_rate";
    public static final String DENSE_LAYERS = "num_dense_layers";
    public static final String DENSE_NODES = "num_dense_nodes";
    public static final String ACTIVATION = "activation";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String CONV1_FILTERS = "conv1_filters";
    public static final String CONV2_FILTERS = "conv2_filters";
    public static final String BATCH_SIZE = "batch_size";
    public static final String CONV_LAYERS = "num_conv_layers";

    /** Every name a tutorial space file may use, in the order the log directory names them. */
    public static final List<String> NAMES = List.of(LEARNING_RATE, DENSE_LAYERS, DENSE_NODES, ACTIVATION,
            KERNEL_SIZE, CONV1_FILTERS, CONV2_FILTERS, BATCH_SIZE, CONV_LAYERS);

    public HyperParameters {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(LEARNING_RATE + ": expected a positive number, found " + learningRate);
        }
        positive(DENSE_NODES, denseNodes);
        positive(KERNEL_SIZE, kernelSize);
        positive(CONV1_FILTERS, conv1Filters);
        positive(CONV2_FILTERS, conv2Filters);
        positive(BATCH_SIZE, batchSize);
        if (denseLayers < 0) {
            throw new IllegalArgumentException(DENSE_LAYERS + ": expected at least 0, found " + denseLayers);
        }
        if (convLayers < 0) {
            throw new IllegalArgumentException(CONV_LAYERS + ": expected at least 0, found " + convLayers);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": expected at least 1, found " + value);
        }
    }

    /** The tutorial's default point x0 = [1e-5, 1, 16, relu] with the tutorial's network and batch size. */
    public static HyperParameters tutorialDefault(int batchSize) {
        return new HyperParameters(1e-5, 1, 16, Activation.RELU, 5, 16, 36, batchSize, 2);
    }

    /** The default value of a named hyper-parameter, as it appears in a space (Double, Integer, String). */
    public Object valueOf(String name) {
        return switch (name) {
            case LEARNING_RATE -> learningRate;
            case DENSE_LAYERS -> denseLayers;
            case DENSE_NODES -> denseNodes;
            case ACTIVATION -> activation.id();
            case KERNEL_SIZE -> kernelSize;
            case CONV1_FILTERS -> conv1Filters;
            case CONV2_FILTERS -> conv2Filters;
            case BATCH_SIZE -> batchSize;
            case CONV_LAYERS -> convLayers;
            default -> throw new IllegalArgumentException("unknown hyper-parameter \"" + name + "\"; expected one of "
                    + NAMES);
        };
    }

    /** These defaults overridden by the named values of a point. */
    public HyperParameters with(Map<String, ?> params) {
        for (String name : params.keySet()) {
            valueOf(name); // rejects unknown names
        }
        return new HyperParameters(
                params.containsKey(LEARNING_RATE) ? ((Number) params.get(LEARNING_RATE)).doubleValue() : learningRate,
                intValue(params, DENSE_LAYERS, denseLayers),
                intValue(params, DENSE_NODES, denseNodes),
                params.containsKey(ACTIVATION) ? Activation.parse(String.valueOf(params.get(ACTIVATION))) : activation,
                intValue(params, KERNEL_SIZE, kernelSize),
                intValue(params, CONV1_FILTERS, conv1Filters),
                intValue(params, CONV2_FILTERS, conv2Filters),
                intValue(params, BATCH_SIZE, batchSize),
                intValue(params, CONV_LAYERS, convLayers));
    }

    private static int intValue(Map<String, ?> params, String name, int fallback) {
        Object v = params.get(name);
        return v == null ? fallback : ((Number) v).intValue();
    }

    /** The network for images of (channels, height, width) with {@code classes} classes. */
    public NetworkSpec network(int channels, int height, int width, int classes) {
        List<ConvSpec> conv = new ArrayList<>();
        for (int i = 0; i < convLayers; i++) {
            conv.add(new ConvSpec(i == 0 ? conv1Filters : conv2Filters, kernelSize));
        }
        return new NetworkSpec(channels, height, width, classes, conv, denseLayers, denseNodes, activation);
    }

    /**
     * The log directory name, as the original names its TensorBoard directories
     * ({@code lr_1e-05_layers_1_nodes_16_relu}), followed by any hyper-parameter of
     * {@code searched} beyond the tutorial's four ({@code _kernel_3_conv1_8_conv2_16_batch_64_convs_3}).
     */
    public String logDirName(List<String> searched) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "lr_%.0e_layers_%d_nodes_%d_%s",
                learningRate, denseLayers, denseNodes, activation.id()));
        if (searched.contains(KERNEL_SIZE)) {
            sb.append("_kernel_").append(kernelSize);
        }
        if (searched.contains(CONV1_FILTERS)) {
            sb.append("_conv1_").append(conv1Filters);
        }
        if (searched.contains(CONV2_FILTERS)) {
            sb.append("_conv2_").append(conv2Filters);
        }
        if (searched.contains(BATCH_SIZE)) {
            sb.append("_batch_").append(batchSize);
        }
        if (searched.contains(CONV_LAYERS)) {
            sb.append("_convs_").append(convLayers);
        }
        return sb.toString();
    }
}
