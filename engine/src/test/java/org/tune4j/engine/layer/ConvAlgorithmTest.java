package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tune4j.engine.reference.Numeric.uniform;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.tensor.Shape;

/**
 * The rule that picks a convolution algorithm, the shapes each supports, and the two forms of the
 * indirect weight gradient against each other on the tutorial's conv2 (16 x 14 x 14 in, 36
 * filters of 5 x 5, where the SIMD kernels run their full tiles and every tail), several images
 * per call. {@link ConvolutionParityTest} checks every algorithm against the specification,
 * {@link LayerGradientTest} against finite differences.
 */
class ConvAlgorithmTest {

    @Test
    void theTutorialsConv2TakesTheChannelsFormAndConv1TheTapsForm() {
        assertThat(conv(16, 14, 5, 1, Padding.SAME, null).algorithm()).isEqualTo(ConvAlgorithm.INDIRECT_CHANNELS);
        assertThat(conv(1, 28, 5, 1, Padding.SAME, null).algorithm()).isEqualTo(ConvAlgorithm.INDIRECT_TAPS);
        assertThat(conv(3, 28, 5, 1, Padding.SAME, null).algorithm()).isEqualTo(ConvAlgorithm.INDIRECT_TAPS);
    }

    @Test
    void stridesAndValidPaddingThatShrinkTheImageTakeIm2col() {
        assertThat(conv(16, 14, 5, 2, Padding.SAME, null).algorithm()).isEqualTo(ConvAlgorithm.IM2COL);
        assertThat(conv(16, 14, 5, 1, Padding.VALID, null).algorithm()).isEqualTo(ConvAlgorithm.IM2COL);
    }

    @Test
    void anExplicitAlgorithmIsKeptAndTheIndirectOnesRefuseAShrinkingShape() {
        assertThat(conv(16, 14, 5, 1, Padding.SAME, ConvAlgorithm.DIRECT).algorithm()).isEqualTo(ConvAlgorithm.DIRECT);
        assertThat(conv(16, 14, 5, 2, Padding.SAME, ConvAlgorithm.DIRECT).algorithm()).isEqualTo(ConvAlgorithm.DIRECT);
        assertThat(conv(1, 28, 5, 1, Padding.SAME, ConvAlgorithm.IM2COL).algorithm()).isEqualTo(ConvAlgorithm.IM2COL);
        assertThatThrownBy(() -> conv(3, 9, 3, 2, Padding.SAME, ConvAlgorithm.INDIRECT_TAPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INDIRECT_TAPS").hasMessageContaining("stride 2, 9x9 -> 5x5");
        assertThatThrownBy(() -> conv(3, 9, 3, 1, Padding.VALID, ConvAlgorithm.INDIRECT_CHANNELS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9x9 -> 7x7");
    }

    @ParameterizedTest
    @EnumSource(KernelMode.class)
    void channelsAndTapsFormsGiveTheSameWeightAndBiasGradients(KernelMode mode) {
        int cin = 16;
        int cout = 36;
        int size = 14;
        int k = 5;
        int n = 3;
        SplittableRandom rng = new SplittableRandom(7);
        int pCount = cout * cin * k * k + cout;
        float[] params = uniform(pCount, 0.1, rng);
        float[] input = uniform(n * cin * size * size, 1.0, rng);
        float[] dOut = uniform(n * cout * size * size, 1.0, rng);
        float[] byTaps = gradient(ConvAlgorithm.INDIRECT_TAPS, mode, params, input, dOut, n);
        float[] byChannels = gradient(ConvAlgorithm.INDIRECT_CHANNELS, mode, params, input, dOut, n);
        double largest = 0;
        for (int i = 0; i < pCount; i++) {
            largest = Math.max(largest, Math.abs(byTaps[i]));
            assertThat((double) byChannels[i]).as("dParams[%d]", i)
                    .isCloseTo(byTaps[i], Offset.offset(1e-4 + 1e-5 * Math.abs(byTaps[i])));
        }
        assertThat(largest).as("a gradient that is not all zeros").isGreaterThan(1.0);
    }

    private static Conv2D conv(int cin, int size, int k, int stride, Padding padding, ConvAlgorithm algorithm) {
        return new Conv2D(Shape.of(cin, size, size), 4, k, stride, padding, algorithm);
    }

    private static float[] gradient(ConvAlgorithm algorithm, KernelMode mode, float[] params, float[] input,
                                    float[] dOut, int n) {
        Conv2D conv = new Conv2D(Shape.of(16, 14, 14), 36, 5, 1, Padding.SAME, algorithm);
        LayerState state = conv.newState(n, Kernels.matMul(mode));
        float[] out = new float[dOut.length];
        conv.forward(state, params, 0, input, out, n);
        float[] dParams = new float[params.length];
        conv.backward(state, params, dParams, 0, input, out, dOut, null, n);
        return dParams;
    }
}
