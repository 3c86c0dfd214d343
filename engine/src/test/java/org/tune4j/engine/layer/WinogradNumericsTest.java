package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tune4j.engine.reference.Numeric.uniform;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.kernel.NaiveConv;
import org.tune4j.engine.tensor.Shape;

/**
 * The Winograd convolutions' rounding error, pass by pass, against the specification
 * {@link NaiveConv}: max |winograd - naive| / max |naive| over the whole output of the pass
 * (forward with bias, input gradient, weight gradient). Weights uniform in ±0.5, inputs and output
 * gradients uniform in ±1, on the tutorial's two layers and odd sizes 1, 7 and 13 (tile tails),
 * with "same" and "valid" padding, on the scalar and SIMD kernels.
 *
 * <p>Tolerances (float32; measured maxima in BENCHMARKS.md, "Winograd numerics"): F(2x2, 5x5)
 * 2e-5, F(4x4, 5x5) 5e-5 relative to the pass's scale (the largest measured: 9.3e-6 and 6.1e-6,
 * both in the weight gradient, a sum over every pixel of the batch where NaiveConv's own float sum
 * carries a comparable error). Each run prints its measured errors.
 */
class WinogradNumericsTest {

    private static final double F2_TOL = 2e-5;
    private static final double F4_TOL = 5e-5;

    @ParameterizedTest(name = "{0} {1}: {2}x{3}x{4} -> {5} {6}, {7} images")
    @CsvSource({
        "WINOGRAD, SCALAR, 16, 14, 14, 36, SAME, 2",   // the tutorial's conv2
        "WINOGRAD, SIMD, 16, 14, 14, 36, SAME, 3",
        "WINOGRAD, SIMD, 1, 28, 28, 16, SAME, 3",      // the tutorial's conv1
        "WINOGRAD, SCALAR, 3, 1, 1, 5, SAME, 2",
        "WINOGRAD, SIMD, 7, 7, 7, 7, SAME, 3",
        "WINOGRAD, SIMD, 5, 13, 13, 6, SAME, 2",
        "WINOGRAD, SCALAR, 5, 13, 7, 6, VALID, 2",
        "WINOGRAD_4X4, SCALAR, 16, 14, 14, 36, SAME, 2",
        "WINOGRAD_4X4, SIMD, 16, 14, 14, 36, SAME, 3",
        "WINOGRAD_4X4, SIMD, 1, 28, 28, 16, SAME, 3",
        "WINOGRAD_4X4, SCALAR, 3, 1, 1, 5, SAME, 2",
        "WINOGRAD_4X4, SIMD, 7, 7, 7, 7, SAME, 3",
        "WINOGRAD_4X4, SIMD, 5, 13, 13, 6, SAME, 2",
        "WINOGRAD_4X4, SCALAR, 5, 13, 7, 6, VALID, 2",
    })
    void errorPerPassRelativeToTheOutputsScale(ConvAlgorithm algorithm, KernelMode mode, int cin, int h, int w,
                                              int filters, Padding padding, int n) {
        Conv2D conv = new Conv2D(Shape.of(cin, h, w), filters, 5, 1, padding, algorithm);
        ConvShape s = conv.convShape();
        SplittableRandom rng = new SplittableRandom(31L * cin + h + w + filters + n);
        int weights = filters * s.patch();
        float[] params = uniform(conv.parameterCount(), 0.5, rng);
        float[] input = uniform(n * s.inputSize(), 1.0, rng);
        float[] dOut = uniform(n * s.outputSize(), 1.0, rng);

        LayerState state = conv.newState(n, Kernels.matMul(mode));
        float[] out = new float[n * s.outputSize()];
        conv.forward(state, params, 0, input, out, n);
        float[] dInput = new float[n * s.inputSize()];
        float[] dParams = new float[params.length];
        conv.backward(state, params, dParams, 0, input, out, dOut, dInput, n);

        float[] expectedOut = new float[out.length];
        NaiveConv.forward(s, input, 0, params, 0, params, weights, expectedOut, 0, n);
        float[] expectedDInput = new float[dInput.length];
        NaiveConv.backwardInput(s, params, 0, dOut, 0, expectedDInput, 0, n);
        float[] expectedDParams = new float[params.length];
        NaiveConv.backwardWeights(s, input, 0, dOut, 0, expectedDParams, 0, n);
        NaiveConv.backwardBias(s, dOut, 0, expectedDParams, weights, n);

        double tol = algorithm == ConvAlgorithm.WINOGRAD ? F2_TOL : F4_TOL;
        double fwd = relativeError(out, expectedOut, 0, out.length);
        double din = relativeError(dInput, expectedDInput, 0, dInput.length);
        double dw = relativeError(dParams, expectedDParams, 0, weights);
        double db = relativeError(dParams, expectedDParams, weights, params.length);
        System.out.printf("winograd numerics %s %s %dx%dx%d->%d %s: forward %.2e, dInput %.2e, dWeights %.2e,"
                + " dBias %.2e%n", algorithm, mode, cin, h, w, filters, padding, fwd, din, dw, db);
        assertThat(fwd).as("forward").isLessThanOrEqualTo(tol);
        assertThat(din).as("dInput").isLessThanOrEqualTo(tol);
        assertThat(dw).as("dWeights").isLessThanOrEqualTo(tol);
        assertThat(db).as("dBias").isLessThanOrEqualTo(1e-5);
    }

    /** max |actual - expected| / max |expected| over [from, to). */
    private static double relativeError(float[] actual, float[] expected, int from, int to) {
        double err = 0;
        double scale = 0;
        for (int i = from; i < to; i++) {
            err = Math.max(err, Math.abs((double) actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertThat(scale).as("the pass's scale").isPositive();
        return err / scale;
    }
}
