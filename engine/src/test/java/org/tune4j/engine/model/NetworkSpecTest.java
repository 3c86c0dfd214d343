package org.tune4j.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.tensor.Shape;

/** Parameter counts against the figures Keras printed for the tutorial (TUTORIAL.md), and validation messages. */
class NetworkSpecTest {

    @Test
    void tutorialDefaultPointHas43262Parameters() {
        assertThat(NetworkSpec.tutorial(1, 16, Activation.RELU).build(1).parameterCount()).isEqualTo(43_262);
    }

    @Test
    void bestPointHas210382Parameters() {
        assertThat(NetworkSpec.tutorial(2, 104, Activation.RELU).build(1).parameterCount()).isEqualTo(210_382);
    }

    @Test
    void largestPointHas1974286Parameters() {
        assertThat(NetworkSpec.tutorial(5, 512, Activation.SIGMOID).build(1).parameterCount()).isEqualTo(1_974_286);
    }

    @Test
    void summaryListsShapesAndCountsLikeKeras() {
        Sequential m = NetworkSpec.tutorial(1, 16, Activation.RELU).build(1);
        String s = m.summary();
        assertThat(s).contains("conv2d_1 (Conv2D)").contains("(N, 16, 28, 28)").contains("416")
                .contains("(N, 36, 14, 14)").contains("14,436").contains("(N, 1764)").contains("28,240")
                .contains("Total params: 43,262");
        assertThat(m.layers().get(m.layers().size() - 1).outputShape()).isEqualTo(Shape.flat(10));
    }

    @Test
    void zeroDenseNodesIsRejected() {
        assertThatThrownBy(() -> NetworkSpec.tutorial(1, 0, Activation.RELU))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dense nodes must be at least 1, found 0");
    }

    @Test
    void tooManyPoolingsForTheInputAreRejectedWithTheMinimumSize() {
        NetworkSpec spec = NetworkSpec.tutorial(1, 16, Activation.RELU).withInput(1, 8, 8);
        assertThatThrownBy(() -> spec.withConvLayers(List.of(new ConvSpec(4, 3), new ConvSpec(4, 3), new ConvSpec(4, 3),
                        new ConvSpec(4, 3))))
                .hasMessage("4 conv layers with 2x2 pooling need an input of at least 16x16, found 8x8");
        assertThatThrownBy(() -> new NetworkSpec(1, 4, 4, 10,
                List.of(new ConvSpec(4, 3), new ConvSpec(4, 3), new ConvSpec(4, 3)), 1, 8, Activation.RELU))
                .hasMessage("3 conv layers with 2x2 pooling need an input of at least 8x8, found 4x4");
    }

    @Test
    void exactlyTheMinimumInputBuilds() {
        Sequential m = new NetworkSpec(3, 8, 8, 4, List.of(new ConvSpec(2, 3), new ConvSpec(2, 3), new ConvSpec(2, 3)),
                1, 5, Activation.TANH).build(3);
        // convs: 3*9*2+2 = 56, 2*9*2+2 = 38 twice; flatten (2,1,1) -> 2; dense 2*5+5 = 15; dense 5*4+4 = 24
        assertThat(m.parameterCount()).isEqualTo(56 + 38 + 38 + 15 + 24);
    }

    @Test
    void otherInvalidSpecsNameTheField() {
        assertThatThrownBy(() -> NetworkSpec.tutorial(1, 16, Activation.RELU).withClasses(1))
                .hasMessage("classes must be at least 2, found 1");
        assertThatThrownBy(() -> NetworkSpec.tutorial(-1, 16, Activation.RELU))
                .hasMessage("dense layers must be at least 0, found -1");
        assertThatThrownBy(() -> new ConvSpec(0, 5)).hasMessage("conv filters must be at least 1, found 0");
    }

    @Test
    void glorotUniformLimitsAndZeroBiases() {
        Sequential m = NetworkSpec.tutorial(1, 16, Activation.RELU).build(7);
        float[] p = m.parameters();
        // conv1 kernel (16, 1, 5, 5): limit sqrt(6 / (25 + 400)); bias 16 zeros
        double limit = Math.sqrt(6.0 / (25 + 16 * 25));
        double maxAbs = 0;
        for (int i = 0; i < 400; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(p[i]));
        }
        assertThat(maxAbs).isLessThanOrEqualTo(limit).isGreaterThan(0.9 * limit);
        for (int i = 400; i < 416; i++) {
            assertThat(p[i]).isZero();
        }
        // the same seed gives the same weights, another seed others
        assertThat(NetworkSpec.tutorial(1, 16, Activation.RELU).build(7).parameters()).containsExactly(p);
        assertThat(NetworkSpec.tutorial(1, 16, Activation.RELU).build(8).parameters()).isNotEqualTo(p);
    }
}
