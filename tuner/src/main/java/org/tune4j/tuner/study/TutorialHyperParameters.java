package org.tune4j.tuner.study;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.spi.Providers;
import org.tune4j.engine.model.ConvSpec;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.engine.train.TrainConfig;

/**
 * The hyper-parameters of the tutorial's network family, one entry each: the table that space
 * files are checked against, that fills in what a space leaves out, that names log directories
 * and that gives {@code tune4j train} its options. A new hyper-parameter is one new entry here
 * (its apply function says what it changes in the {@link TrialPlan}).
 *
 * <p>Defaults: the tutorial's starting point x0 = [1e-5, 1, 16, relu] for the four it searches,
 * the tutorial's network ({@link NetworkSpec#TUTORIAL_CONV_LAYERS}) for the convolutions, and
 * Keras' batch of 128. Entries apply in table order; the conv-layer count comes last, so that a
 * layer it adds copies the last one (the second's filters: {@code conv2_filters} sets "the second
 * and later" layers).
 */
public final class TutorialHyperParameters {
    public static final String LEARNING_RATE = "learning_rate";
    public static final String DENSE_LAYERS = "num_dense_layers";
    public static final String DENSE_NODES = "num_dense_nodes";
    public static final String ACTIVATION = "activation";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String CONV1_FILTERS = "conv1_filters";
    public static final String CONV2_FILTERS = "conv2_filters";
    public static final String BATCH_SIZE = "batch_size";
    public static final String CONV_LAYERS = "num_conv_layers";

    private static final List<ConvSpec> CONV = NetworkSpec.TUTORIAL_CONV_LAYERS;

    /** Every hyper-parameter a tutorial space file may name, in the order log directory names spell them. */
    public static final List<HyperParameter> TABLE = List.of(
            HyperParameter.real(LEARNING_RATE, 1e-5, 0, "lr", true, "--lr", "Adam's learning rate.",
                    (plan, v) -> plan.withLearningRate((Double) v)),
            HyperParameter.integer(DENSE_LAYERS, 1, 0, "layers", true, "--dense-layers", "Dense layers before the output.",
                    (plan, v) -> plan.withNetwork(plan.network().withDenseLayers((Integer) v))),
            HyperParameter.integer(DENSE_NODES, 16, 1, "nodes", true, "--dense-nodes", "Nodes per dense layer.",
                    (plan, v) -> plan.withNetwork(plan.network().withDenseNodes((Integer) v))),
            HyperParameter.categorical(ACTIVATION, Activation.RELU.id(), activationNames(), "", true, "--activation",
                    "Activation of the hidden layers.",
                    (plan, v) -> plan.withNetwork(plan.network().withActivation(Activation.parse((String) v)))),
            HyperParameter.integer(KERNEL_SIZE, CONV.get(0).kernelSize(), 1, "kernel", false, "--kernel-size",
                    "Kernel size of every conv layer.",
                    (plan, v) -> plan.withNetwork(plan.network().withConvLayers(plan.network().convLayers().stream()
                            .map(c -> new ConvSpec(c.filters(), (Integer) v)).toList()))),
            HyperParameter.integer(CONV1_FILTERS, CONV.get(0).filters(), 1, "conv1", false, "--conv1-filters",
                    "Filters of the first conv layer.",
                    (plan, v) -> withFilters(plan, 0, 1, (Integer) v)),
            HyperParameter.integer(CONV2_FILTERS, CONV.get(1).filters(), 1, "conv2", false, "--conv2-filters",
                    "Filters of the second and later conv layers.",
                    (plan, v) -> withFilters(plan, 1, Integer.MAX_VALUE, (Integer) v)),
            HyperParameter.integer(BATCH_SIZE, TrainConfig.DEFAULT_BATCH_SIZE, 1, "batch", false, "--batch-size",
                    "Images per gradient step.",
                    (plan, v) -> plan.withBatchSize((Integer) v)),
            HyperParameter.integer(CONV_LAYERS, CONV.size(), 0, "convs", false, "--conv-layers",
                    "Conv blocks (conv, activation, 2x2 max pool); added ones copy the last.",
                    (plan, v) -> withConvCount(plan, (Integer) v)));

    private TutorialHyperParameters() {
    }

    private static List<String> activationNames() {
        return Providers.all(Activation.class).stream().map(Activation::name).toList();
    }

    /** Layers {@code from} (inclusive) to {@code to} (exclusive) with {@code filters} output channels. */
    private static TrialPlan withFilters(TrialPlan plan, int from, int to, int filters) {
        List<ConvSpec> conv = new ArrayList<>(plan.network().convLayers());
        for (int i = from; i < Math.min(to, conv.size()); i++) {
            conv.set(i, new ConvSpec(filters, conv.get(i).kernelSize()));
        }
        return plan.withNetwork(plan.network().withConvLayers(conv));
    }

    /** The first {@code count} conv layers, extended with copies of the last (the tutorial's last when none). */
    private static TrialPlan withConvCount(TrialPlan plan, int count) {
        List<ConvSpec> conv = plan.network().convLayers();
        List<ConvSpec> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(i < conv.size() ? conv.get(i) : conv.isEmpty() ? CONV.get(CONV.size() - 1) : conv.get(conv.size() - 1));
        }
        return plan.withNetwork(plan.network().withConvLayers(out));
    }
}
