package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tune4j.engine.kernel.ScalarMatMul;
import org.tune4j.engine.tensor.Shape;

/** Names, closed-form values, and NaN propagation (a diverging run must reach the loss as NaN). */
class ActivationTest {

    @Test
    void parsesNamesInAnyCaseAndListsTheValidOnesOtherwise() {
        assertThat(Activation.parse("ReLU")).isEqualTo(Activation.RELU);
        assertThat(Activation.parse(" sigmoid ")).isEqualTo(Activation.SIGMOID);
        assertThatThrownBy(() -> Activation.parse("swish"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown activation 'swish', expected one of: relu, sigmoid, tanh");
    }

    @Test
    void closedFormValues() {
        assertThat(Activation.SIGMOID.apply(0f)).isEqualTo(0.5f);
        assertThat(Activation.TANH.apply(1f)).isCloseTo(0.7615942f, within(1e-7f));
        assertThat(Activation.RELU.apply(-3f)).isZero();
        assertThat(Activation.SIGMOID.derivativeFromOutput(0.5f)).isEqualTo(0.25f);
    }

    @Test
    void nanPassesThroughReluAndMaxPool() {
        float[] in = {1f, Float.NaN, -2f, 0.5f};
        ActivationLayer relu = new ActivationLayer(Shape.of(1, 2, 2), Activation.RELU);
        float[] out = new float[4];
        relu.forward(relu.newState(1, new ScalarMatMul()), new float[0], 0, in, out, 1);
        assertThat(out[1]).isNaN();
        MaxPool2D pool = new MaxPool2D(Shape.of(1, 2, 2), 2, 2);
        float[] pooled = new float[1];
        pool.forward(pool.newState(1, new ScalarMatMul()), new float[0], 0, in, pooled, 1);
        assertThat(pooled[0]).isNaN();
    }
}
