package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.kernel.ElementwiseKernels;
import org.tune4j.engine.kernel.ElementwiseOps;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.kernel.ScalarMatMul;
import org.tune4j.engine.tensor.Shape;

/** Names, closed-form values, and NaN propagation (a diverging run must reach the loss as NaN). */
class ActivationTest {

    @Test
    void parsesNamesInAnyCaseAndListsTheValidOnesOtherwise() {
        assertThat(Activation.parse("ReLU")).isEqualTo(Activation.RELU);
        assertThat(Activation.parse(" sigmoid ")).isEqualTo(Activation.SIGMOID);
        assertThat(Activation.parse("TANH")).isEqualTo(Activation.TANH).isNotEqualTo(Activation.RELU);
        assertThat(Activation.parse("relu").name()).isEqualTo("relu");
        assertThatThrownBy(() -> Activation.parse("swish"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown activation 'swish', expected one of: ")
                .hasMessageContainingAll("relu", "sigmoid", "tanh");
    }

    @Test
    void closedFormValues() {
        assertThat(Activation.SIGMOID.apply(0f)).isEqualTo(0.5f);
        assertThat(Activation.TANH.apply(1f)).isCloseTo(0.7615942f, within(1e-7f));
        assertThat(Activation.RELU.apply(-3f)).isZero();
        assertThat(Activation.SIGMOID.derivativeFromOutput(0.5f)).isEqualTo(0.25f);
    }

    /** The array loops give what the per-element functions give, bit for bit, on both kernels. */
    @Test
    void forwardAndBackwardLoopsMatchTheElementFunctions() {
        float[] x = {-3f, -0.5f, 0f, 0.25f, 2f, 7f, -1e-3f, 1.5f, 0.75f};
        float[] dOut = {0.1f, -2f, 3f, 0.5f, -0.25f, 1f, 4f, -1f, 0.3f};
        for (var ops : List.of(new ScalarMatMul(), Kernels.matMul(KernelMode.SIMD))) {
            ElementwiseOps elementwise = ElementwiseKernels.like(ops);
            for (Activation a : List.of(Activation.RELU, Activation.SIGMOID, Activation.TANH)) {
                float[] y = new float[x.length];
                float[] dx = new float[x.length];
                a.forward(elementwise, x, y, x.length);
                a.backward(elementwise, y, dOut, dx, x.length);
                for (int i = 0; i < x.length; i++) {
                    assertThat(y[i]).as(a + " forward at " + x[i]).isEqualTo(a.apply(x[i]));
                    assertThat(dx[i]).as(a + " backward at " + x[i])
                            .isCloseTo(dOut[i] * a.derivativeFromOutput(y[i]), within(1e-6f));
                }
            }
        }
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
