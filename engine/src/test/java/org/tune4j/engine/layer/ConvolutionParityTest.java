package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.tune4j.engine.reference.Numeric.uniform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.kernel.NaiveConv;
import org.tune4j.engine.tensor.Shape;

/**
 * Every convolution algorithm, on the scalar and the SIMD kernels, against the specification
 * {@link NaiveConv}: forward, input gradient, weight gradient and bias gradient compared
 * separately, on random shapes with awkward channel counts (1, 7, 33), kernels 1 to 5, odd and
 * non-square images, batches of 1 and 3, and the tutorial's two layers. Parameters sit at an
 * offset inside a larger vector.
 *
 * <p>Tolerance: the algorithms sum the same products in other orders, so each element may differ
 * by float rounding of its sum; we allow |fast - naive| &lt;= 1e-5 * (the same sum over absolute
 * values: NaiveConv run on |W|, |x|, |dOut|, plus |b| in the forward) + 1e-30.
 */
class ConvolutionParityTest {

    private static final double REL_TOL = 1e-5;
    private static final int P_OFF = 3;

    static Stream<Arguments> cases() {
        Object[][] shapes = {
            // channels, height, width, filters, kernel, stride, padding, images
            {1, 7, 7, 1, 1, 1, Padding.SAME, 1},
            {7, 9, 5, 3, 3, 1, Padding.SAME, 3},
            {33, 5, 7, 7, 5, 1, Padding.SAME, 1},
            {7, 11, 9, 33, 3, 1, Padding.SAME, 3},
            {3, 8, 6, 5, 4, 1, Padding.SAME, 1},       // even kernel: more padding after than before
            {33, 3, 3, 1, 1, 1, Padding.SAME, 3},
            {2, 1, 9, 4, 3, 1, Padding.SAME, 1},       // one row
            {1, 28, 28, 16, 5, 1, Padding.SAME, 3},    // the tutorial's conv1
            {16, 14, 14, 36, 5, 1, Padding.SAME, 3},   // the tutorial's conv2
            {7, 9, 9, 5, 3, 2, Padding.SAME, 3},       // the rest: im2col and direct only
            {3, 11, 7, 4, 5, 1, Padding.VALID, 1},
            {33, 7, 7, 7, 3, 2, Padding.VALID, 3},
            {1, 7, 7, 2, 4, 2, Padding.SAME, 1},
        };
        List<Arguments> cases = new ArrayList<>();
        long seed = 100;
        for (Object[] s : shapes) {
            for (ConvAlgorithm algorithm : ConvAlgorithm.values()) {
                for (KernelMode mode : KernelMode.values()) {
                    Conv2D conv = new Conv2D(Shape.of((int) s[0], (int) s[1], (int) s[2]), (int) s[3], (int) s[4],
                            (int) s[5], (Padding) s[6]);
                    if (algorithm.supports(conv.convShape())) {
                        cases.add(Arguments.of(algorithm, mode, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], seed++));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}x{3}x{4} -> {5} filters {6}x{6} stride {7} {8}, {9} images")
    @MethodSource("cases")
    void agreesWithTheSpecification(ConvAlgorithm algorithm, KernelMode mode, int cin, int h, int w, int filters,
                                    int kernel, int stride, Padding padding, int n, long seed) {
        Conv2D conv = new Conv2D(Shape.of(cin, h, w), filters, kernel, stride, padding, algorithm);
        ConvShape s = conv.convShape();
        SplittableRandom rng = new SplittableRandom(seed);
        int weights = filters * s.patch();
        float[] params = uniform(P_OFF + conv.parameterCount() + 2, 0.5, rng);
        float[] input = uniform(n * s.inputSize(), 1.0, rng);
        float[] dOut = uniform(n * s.outputSize(), 1.0, rng);
        float[] dParams0 = uniform(params.length, 0.1, rng);  // gradients are added to what is there

        LayerState state = conv.newState(n, Kernels.matMul(mode));
        float[] out = new float[n * s.outputSize()];
        conv.forward(state, params, P_OFF, input, out, n);
        float[] dInput = new float[n * s.inputSize()];
        Arrays.fill(dInput, Float.NaN);  // must be overwritten
        float[] dParams = dParams0.clone();
        conv.backward(state, params, dParams, P_OFF, input, out, dOut, dInput, n);

        float[] expectedOut = new float[out.length];
        NaiveConv.forward(s, input, 0, params, P_OFF, params, P_OFF + weights, expectedOut, 0, n);
        float[] expectedDInput = new float[dInput.length];
        NaiveConv.backwardInput(s, params, P_OFF, dOut, 0, expectedDInput, 0, n);
        float[] expectedDParams = dParams0.clone();
        NaiveConv.backwardWeights(s, input, 0, dOut, 0, expectedDParams, P_OFF, n);
        NaiveConv.backwardBias(s, dOut, 0, expectedDParams, P_OFF + weights, n);

        float[] absParams = abs(params);
        float[] absInput = abs(input);
        float[] absDOut = abs(dOut);
        float[] outScale = new float[out.length];
        NaiveConv.forward(s, absInput, 0, absParams, P_OFF, absParams, P_OFF + weights, outScale, 0, n);
        float[] dInputScale = new float[dInput.length];
        NaiveConv.backwardInput(s, absParams, P_OFF, absDOut, 0, dInputScale, 0, n);
        float[] dParamsScale = abs(dParams0);
        NaiveConv.backwardWeights(s, absInput, 0, absDOut, 0, dParamsScale, P_OFF, n);
        NaiveConv.backwardBias(s, absDOut, 0, dParamsScale, P_OFF + weights, n);

        compare("forward", out, expectedOut, outScale, 0, out.length);
        compare("dInput", dInput, expectedDInput, dInputScale, 0, dInput.length);
        compare("dWeights", dParams, expectedDParams, dParamsScale, P_OFF, P_OFF + weights);
        compare("dBias", dParams, expectedDParams, dParamsScale, P_OFF + weights, P_OFF + weights + filters);
        for (int i : new int[] {0, 1, 2, P_OFF + conv.parameterCount(), params.length - 1}) {
            assertThat(dParams[i]).as("dParams[%d], outside the layer's parameters", i).isEqualTo(dParams0[i]);
        }
    }

    private static void compare(String what, float[] actual, float[] expected, float[] scale, int from, int to) {
        for (int i = from; i < to; i++) {
            double tol = REL_TOL * scale[i] + 1e-30;
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                fail("%s[%d]: expected %s (NaiveConv) but got %s, tolerance %s", what, i, expected[i], actual[i], tol);
            }
        }
    }

    private static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.abs(x[i]);
        }
        return y;
    }
}
