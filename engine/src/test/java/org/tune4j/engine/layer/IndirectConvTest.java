package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tune4j.engine.reference.Numeric.uniform;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.layer.IndirectConv.WeightGradient;

/**
 * The two forms of {@link IndirectConv}'s weight gradient against each other on the tutorial's
 * conv2 (16 x 14 x 14 in, 36 filters of 5 x 5, where the SIMD kernels run their full tiles and
 * every tail), several images per call; {@link LayerGradientTest} checks both against finite
 * differences on small shapes.
 */
class IndirectConvTest {

    @Test
    void theTutorialsConv2TakesTheChannelsFormAndConv1TheTapsForm() {
        assertThat(WeightGradient.fastest(16, 5)).isEqualTo(WeightGradient.CHANNELS);
        assertThat(WeightGradient.fastest(1, 5)).isEqualTo(WeightGradient.TAPS);
        assertThat(WeightGradient.fastest(3, 5)).isEqualTo(WeightGradient.TAPS);
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
        float[] byTaps = gradient(WeightGradient.TAPS, mode, params, input, dOut, n);
        float[] byChannels = gradient(WeightGradient.CHANNELS, mode, params, input, dOut, n);
        double largest = 0;
        for (int i = 0; i < pCount; i++) {
            largest = Math.max(largest, Math.abs(byTaps[i]));
            assertThat((double) byChannels[i]).as("dParams[%d]", i)
                    .isCloseTo(byTaps[i], org.assertj.core.data.Offset.offset(1e-4 + 1e-5 * Math.abs(byTaps[i])));
        }
        assertThat(largest).as("a gradient that is not all zeros").isGreaterThan(1.0);
    }

    private static float[] gradient(WeightGradient form, KernelMode mode, float[] params, float[] input,
                                    float[] dOut, int n) {
        IndirectConv conv = new IndirectConv(16, 14, 14, 36, 5, 2, 2, form);
        IndirectConv.State state = conv.newState(n, Kernels.matMul(mode));
        float[] out = new float[dOut.length];
        conv.forward(state, params, 0, input, out, n);
        float[] dParams = new float[params.length];
        conv.backward(state, params, dParams, 0, dOut, null, n);
        return dParams;
    }
}
