package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.layer.Activation;

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
        assertThat(hp).isEqualTo(new HyperParameters(1e-3, 1, 16, Activation.RELU, 5, 16, 36, 128, 2));
        assertThat(hp.network(1, 28, 28, 10).build(1).parameterCount()).isEqualTo(43_262);
    }

    @Test
    void theTutorialsBestPointHasTheOriginalsParameterCount() {
        HyperParameters best = HyperParameters.tutorialDefault(128)
                .with(Map.of("learning_rate", 0.01, "num_dense_layers", 2, "num_dense_nodes", 104));
        assertThat(best.network(1, 28, 28, 10).build(1).parameterCount()).isEqualTo(210_382);
    }

    @Test
    void unknownNamesAndBadValuesAreRejectedByName() {
        HyperParameters x0 = HyperParameters.tutorialDefault(128);
        assertThatThrownBy(() -> x0.with(Map.of("dropout", 0.5)))
                .hasMessageContaining("\"dropout\"").hasMessageContaining("num_conv_layers");
        assertThatThrownBy(() -> x0.with(Map.of("num_dense_nodes", 0)))
                .hasMessage("num_dense_nodes: expected at least 1, found 0");
        assertThatThrownBy(() -> x0.with(Map.of("learning_rate", 0.0)))
                .hasMessageContaining("learning_rate: expected a positive number");
    }

    @Test
    void convLayersUseFirstAndLaterFilterCounts() {
        HyperParameters hp = HyperParameters.tutorialDefault(128).with(Map.of("num_conv_layers", 3, "conv1_filters", 4,
                "conv2_filters", 6, "kernel_size", 3));
        assertThat(hp.network(1, 28, 28, 10).convLayers()).extracting(c -> c.filters() + "x" + c.kernelSize())
                .containsExactly("4x3", "6x3", "6x3");
    }
}
