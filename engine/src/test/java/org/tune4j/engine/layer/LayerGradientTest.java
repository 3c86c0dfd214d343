package org.tune4j.engine.layer;

import static org.tune4j.engine.reference.Numeric.assertClose;
import static org.tune4j.engine.reference.Numeric.centralDifferences;
import static org.tune4j.engine.reference.Numeric.dot;
import static org.tune4j.engine.reference.Numeric.toDouble;
import static org.tune4j.engine.reference.Numeric.uniform;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.kernel.ScalarMatMul;
import org.tune4j.engine.reference.ReferenceNet;
import org.tune4j.engine.tensor.Shape;

/**
 * Every layer's float forward against the naive double-precision {@link ReferenceNet}, and its
 * backward against central finite differences (h = 1e-6) of that reference.
 *
 * <p>The scalar checked is L = Σ r ⊙ layer(x) with a fixed random r, so dL/dOut = r. Tolerances:
 * forward 1e-5 + 1e-5 |y| (float rounding over at most a few hundred terms); gradients
 * 1e-4 + 1e-3 |g| (float accumulation in the engine; the reference itself is accurate to ~1e-9).
 */
class LayerGradientTest {

    private static final int N = 2;

    @Test
    void conv2dSameStride1() {
        check(new Conv2D(Shape.of(2, 6, 6), 3, 3, 1, Padding.SAME), 1);
    }

    @Test
    void conv2dSameFiveByFiveAsInTheTutorial() {
        check(new Conv2D(Shape.of(1, 7, 7), 2, 5, 1, Padding.SAME), 2);
    }

    @Test
    void conv2dSameStride1EvenKernelOnANonSquareImage() {
        check(new Conv2D(Shape.of(3, 7, 5), 4, 4, 1, Padding.SAME), 9);
    }

    @Test
    void conv2dSameOnTheSimdKernelsOverMoreImagesThanOneBackwardChunk() {
        check(new Conv2D(Shape.of(2, 6, 6), 3, 5, 1, Padding.SAME), 10, 11, Kernels.matMul(KernelMode.SIMD));
    }

    /**
     * The indirect convolution's shared row padding (row stride W + max(padLeft, padRight)) for
     * every kernel size up to 6, odd and even, on both kernels: a tap that reads past a row's end
     * must land on zeros (the next row's left padding, or the next channel's or image's grid).
     */
    @ParameterizedTest(name = "kernel {0} on {1}")
    @CsvSource({"1, SCALAR", "2, SCALAR", "3, SCALAR", "4, SCALAR", "5, SCALAR", "6, SCALAR",
        "1, SIMD", "2, SIMD", "3, SIMD", "4, SIMD", "5, SIMD", "6, SIMD"})
    void conv2dSameStride1EveryKernelSize(int kernel, KernelMode mode) {
        check(new Conv2D(Shape.of(2, 5, 9), 5, kernel, 1, Padding.SAME), 20 + kernel, 3, Kernels.matMul(mode));
    }

    /**
     * K * Cin a multiple of 16 takes the weight gradient with the input channels along the vectors
     * (ConvAlgorithm.INDIRECT_CHANNELS): odd and even kernels, a 1 x 1 kernel (no padding).
     */
    @ParameterizedTest(name = "{0} channels, kernel {1}, on {2}")
    @CsvSource({"16, 5, SCALAR", "16, 5, SIMD", "16, 3, SIMD", "8, 2, SIMD", "8, 2, SCALAR", "32, 1, SIMD"})
    void conv2dSameWithChannelsAlongTheVectorsInTheWeightGradient(int cin, int kernel, KernelMode mode) {
        check(new Conv2D(Shape.of(cin, 5, 6), 3, kernel, 1, Padding.SAME), 40 + kernel, 2, Kernels.matMul(mode));
    }

    /** Each algorithm named explicitly, the specification's loops included, on both kernels. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DIRECT, SCALAR", "IM2COL, SCALAR", "IM2COL, SIMD", "INDIRECT_TAPS, SCALAR", "INDIRECT_TAPS, SIMD",
        "INDIRECT_CHANNELS, SCALAR", "INDIRECT_CHANNELS, SIMD"})
    void conv2dSameStride1ByEachAlgorithm(ConvAlgorithm algorithm, KernelMode mode) {
        check(new Conv2D(Shape.of(3, 7, 5), 4, 3, 1, Padding.SAME, algorithm), 50, 2, Kernels.matMul(mode));
    }

    /** Winograd F(2x2, 5x5) and F(4x4, 5x5): odd sizes (tile tails), "same" and "valid". */
    @ParameterizedTest(name = "{0} on {1}, {2}x{3} {4}")
    @CsvSource({"WINOGRAD, SCALAR, 7, 5, SAME", "WINOGRAD, SIMD, 6, 9, SAME", "WINOGRAD, SCALAR, 7, 6, VALID",
        "WINOGRAD_4X4, SCALAR, 7, 5, SAME", "WINOGRAD_4X4, SIMD, 9, 6, SAME", "WINOGRAD_4X4, SCALAR, 9, 7, VALID"})
    void conv2dFiveByFiveByWinograd(ConvAlgorithm algorithm, KernelMode mode, int h, int w, Padding padding) {
        check(new Conv2D(Shape.of(3, h, w), 4, 5, 1, padding, algorithm), 52 + h * w, 2, Kernels.matMul(mode));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DIRECT", "IM2COL"})
    void conv2dSameStride2ByEachAlgorithmThatSupportsIt(ConvAlgorithm algorithm) {
        check(new Conv2D(Shape.of(2, 7, 7), 3, 3, 2, Padding.SAME, algorithm), 51);
    }

    @Test
    void conv2dValid() {
        check(new Conv2D(Shape.of(2, 7, 6), 3, 3, 1, Padding.VALID), 3);
    }

    @Test
    void conv2dSameStride2WithEvenKernelPadsMoreAfterThanBefore() {
        Conv2D conv = new Conv2D(Shape.of(2, 7, 7), 2, 4, 2, Padding.SAME);
        org.assertj.core.api.Assertions.assertThat(conv.outputShape()).isEqualTo(Shape.of(2, 4, 4));
        check(conv, 4);
    }

    @Test
    void conv2dValidStride2() {
        check(new Conv2D(Shape.of(1, 7, 7), 2, 3, 2, Padding.VALID), 5);
    }

    @Test
    void maxPool2x2() {
        check(new MaxPool2D(Shape.of(2, 6, 6), 2, 2), 6);
    }

    @Test
    void maxPoolOddInputDropsTheLastRowAndColumn() {
        check(new MaxPool2D(Shape.of(2, 7, 7), 2, 2), 7);
    }

    @Test
    void maxPoolOverlappingWindows() {
        check(new MaxPool2D(Shape.of(1, 7, 7), 3, 2), 8);
    }

    @Test
    void dense() {
        check(new Dense(Shape.flat(7), 4), 9);
    }

    @Test
    void flatten() {
        check(new Flatten(Shape.of(2, 3, 3)), 10);
    }

    @Test
    void relu() {
        check(new ActivationLayer(Shape.flat(12), Activation.RELU), 11);
    }

    @Test
    void sigmoid() {
        check(new ActivationLayer(Shape.flat(12), Activation.SIGMOID), 12);
    }

    @Test
    void tanh() {
        check(new ActivationLayer(Shape.of(2, 2, 3), Activation.TANH), 13);
    }

    private static void check(Layer layer, long seed) {
        check(layer, seed, N, new ScalarMatMul());
    }

    private static void check(Layer layer, long seed, int n, MatMul matMul) {
        int N = n;  // shadows the default batch
        SplittableRandom rng = new SplittableRandom(seed);
        int inSize = N * layer.inputShape().size();
        int outSize = N * layer.outputShape().size();
        int pOff = 3;  // parameters deliberately not at the start of the vector
        float[] params = uniform(pOff + layer.parameterCount() + 2, 0.5, rng);
        float[] input = uniform(inSize, 1.0, rng);
        float[] r = uniform(outSize, 1.0, rng);

        LayerState state = layer.newState(N, matMul);
        float[] out = new float[outSize];
        layer.forward(state, params, pOff, input, out, N);
        float[] dInput = new float[inSize];
        Arrays.fill(dInput, Float.NaN);  // must be overwritten
        float[] dParams = new float[params.length];
        layer.backward(state, params, dParams, pOff, input, out, r, dInput, N);

        double[] p = toDouble(params);
        double[] x = toDouble(input);
        double[] rd = toDouble(r);
        assertClose(layer.kind() + " forward", out, 0, ReferenceNet.forward(layer, p, pOff, x, N), 1e-5, 1e-5);
        double[] numInput = centralDifferences(x, xi -> dot(rd, ReferenceNet.forward(layer, p, pOff, xi, N)));
        assertClose(layer.kind() + " dInput", dInput, 0, numInput, 1e-4, 1e-3);
        double[] numParams = centralDifferences(p, pi -> dot(rd, ReferenceNet.forward(layer, pi, pOff, x, N)));
        assertClose(layer.kind() + " dParams", dParams, 0, numParams, 1e-4, 1e-3);
    }
}
