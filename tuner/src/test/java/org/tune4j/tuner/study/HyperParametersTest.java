package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.NetworkSpec;

class HyperParametersTest {
    private static final List<String> TUTORIAL = List.of("learning_rate", "num_dense_layers", "num_dense_nodes",
            "activation");

    @Test
    void logDirectoriesAreNamedAsTheOriginalNamesThem() {
        // the notebook: "./19_logs/lr_{0:.0e}_layers_{1}_nodes_{2}_{3}/"
        assertThat(HyperParameters.tutorialDefault(128).logDirName(TUTORIAL))
                .isEqualTo("lr_1e-05_layers_1_nodes_16_relu");
        HyperParameters best = HyperParameters.tutorialDefault(128)
                .with(Map.of("learning_rate", 0.01, "num_dense_layers", 2, "num_dense_nodes", 104));
        assertThat(best.logDirName(TUTORIAL)).isEqualTo("lr_1e-02_layers_2_nodes_104_relu");
        HyperParameters sigmoid = best.with(Map.of("learning_rate", 0.000355, "activation", "sigmoid"));
        assertThat(sigmoid.logDirName(TUTORIAL)).isEqualTo("lr_4e-04_layers_2_nodes_104_sigmoid");
    }

    @Test
    void extraSearchedDimensionsAreSpelledOutAfterTheOriginalFour() {
        HyperParameters hp = HyperParameters.tutorialDefault(128)
                .with(Map.of("kernel_size", 3, "conv1_filters", 8, "batch_size", 64, "num_conv_layers", 3));
        List<String> searched = List.of("learning_rate", "kernel_size", "conv1_filters", "batch_size", "num_conv_layers");
        assertThat(hp.logDirName(searched)).isEqualTo("lr_1e-05_layers_1_nodes_16_relu_kernel_3_conv1_8_batch_64_convs_3");
    }

    @Test
    void dimensionsLeftOutTakeTheTutorialDefaults() {
        HyperParameters hp = HyperParameters.tutorialDefault(128).with(Map.of("learning_rate", 1e-3));
        assertThat(hp.values()).containsExactly(Map.entry("learning_rate", 1e-3), Map.entry("num_dense_layers", 1),
                Map.entry("num_dense_nodes", 16), Map.entry("activation", "relu"), Map.entry("kernel_size", 5),
                Map.entry("conv1_filters", 16), Map.entry("conv2_filters", 36), Map.entry("batch_size", 128),
                Map.entry("num_conv_layers", 2));
        TrialPlan plan = hp.plan(1, 28, 28, 10);
        assertThat(plan.network()).isEqualTo(NetworkSpec.tutorial(1, 16, Activation.RELU));
        assertThat(plan.learningRate()).isEqualTo(1e-3);
        assertThat(plan.batchSize()).isEqualTo(128);
        assertThat(plan.network().build(1).parameterCount()).isEqualTo(43_262);
    }

    @Test
    void theTutorialsBestPointHasTheOriginalsParameterCount() {
        HyperParameters best = HyperParameters.tutorialDefault(128)
                .with(Map.of("learning_rate", 0.01, "num_dense_layers", 2, "num_dense_nodes", 104));
        assertThat(best.plan(1, 28, 28, 10).network().build(1).parameterCount()).isEqualTo(210_382);
    }

    @Test
    void unknownNamesAndBadValuesAreRejectedByName() {
        HyperParameters x0 = HyperParameters.tutorialDefault(128);
        assertThatThrownBy(() -> x0.with(Map.of("dropout", 0.5)))
                .hasMessageContaining("\"dropout\"").hasMessageContaining("num_conv_layers");
        assertThatThrownBy(() -> x0.with(Map.of("num_dense_nodes", 0)))
                .hasMessage("num_dense_nodes: expected at least 1, found 0");
        assertThatThrownBy(() -> x0.with(Map.of("learning_rate", 0.0)))
                .hasMessage("learning_rate: expected a learning rate > 0, found 0.0");
        assertThatThrownBy(() -> x0.with(Map.of("num_dense_layers", 2.5)))
                .hasMessage("num_dense_layers: expected at least 0, found 2.5");
        assertThatThrownBy(() -> x0.with(Map.of("activation", "swish")))
                .hasMessage("activation: expected one of relu, sigmoid, tanh, found 'swish'");
    }

    @Test
    void convLayersUseFirstAndLaterFilterCounts() {
        HyperParameters hp = HyperParameters.tutorialDefault(128).with(Map.of("num_conv_layers", 3, "conv1_filters", 4,
                "conv2_filters", 6, "kernel_size", 3));
        assertThat(hp.plan(1, 28, 28, 10).network().convLayers()).extracting(c -> c.filters() + "x" + c.kernelSize())
                .containsExactly("4x3", "6x3", "6x3");
        assertThat(hp.with(Map.of("num_conv_layers", 1)).plan(1, 28, 28, 10).network().convLayers())
                .extracting(c -> c.filters() + "x" + c.kernelSize()).containsExactly("4x3");
        assertThat(hp.with(Map.of("num_conv_layers", 0)).plan(1, 28, 28, 10).network().convLayers()).isEmpty();
    }

    @Test
    void theTableAppliesEachValueWhereItBelongs() {
        TrialPlan plan = HyperParameters.tutorialDefault(128).with(Map.of("learning_rate", 2e-4, "num_dense_layers", 3,
                "num_dense_nodes", 40, "activation", "tanh", "batch_size", 32)).plan(3, 32, 32, 5);
        assertThat(plan.learningRate()).isEqualTo(2e-4);
        assertThat(plan.batchSize()).isEqualTo(32);
        assertThat(plan.network()).isEqualTo(new NetworkSpec(3, 32, 32, 5, NetworkSpec.TUTORIAL_CONV_LAYERS, 3, 40,
                Activation.TANH));
    }
}
