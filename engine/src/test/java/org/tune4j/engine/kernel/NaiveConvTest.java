package org.tune4j.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The specification convolution on cases worked by hand, and its three backward passes as the
 * adjoint of its forward pass: for any dOut, Σ dOut ⊙ (out - b) = Σ dInput ⊙ x = Σ dW ⊙ W and
 * Σ dOut = Σ db, computed in double over the float results (tolerance 1e-5 of Σ |terms|).
 */
class NaiveConvTest {

    /** 1 x 3 x 3 ones, three 3 x 3 kernels of ones, "same" padding (1 on each side), bias 0.5. */
    private static final ConvShape ONES_SAME = new ConvShape(1, 3, 3, 1, 3, 1, 1, 1, 3, 3);

    @Test
    void onesOverOnesCountTheInImageNeighbours() {
        float[] ones = filled(9, 1f);
        float[] out = new float[9];
        NaiveConv.forward(ONES_SAME, ones, 0, ones, 0, new float[] {0.5f}, 0, out, 0, 1);
        assertThat(out).containsExactly(4.5f, 6.5f, 4.5f, 6.5f, 9.5f, 6.5f, 4.5f, 6.5f, 4.5f);
    }

    @Test
    void backwardOfOnesCountsTheSamePositions() {
        float[] ones = filled(9, 1f);
        float[] dInput = filled(9, Float.NaN);  // overwritten
        NaiveConv.backwardInput(ONES_SAME, ones, 0, ones, 0, dInput, 0, 1);
        assertThat(dInput).containsExactly(4f, 6f, 4f, 6f, 9f, 6f, 4f, 6f, 4f);
        float[] dW = filled(9, 1f);  // accumulated into
        NaiveConv.backwardWeights(ONES_SAME, ones, 0, ones, 0, dW, 0, 1);
        assertThat(dW).containsExactly(5f, 7f, 5f, 7f, 10f, 7f, 5f, 7f, 5f);
        float[] db = {2f};
        NaiveConv.backwardBias(ONES_SAME, ones, 0, db, 0, 1);
        assertThat(db).containsExactly(11f);
    }

    @Test
    void aDiagonalDifferenceKernelWithoutPadding() {
        // x(y, x) = 3y + x + 1; W = [[1, 0], [0, -1]]: out = x(oy, ox) - x(oy + 1, ox + 1) = -4
        ConvShape s = new ConvShape(1, 3, 3, 1, 2, 1, 0, 0, 2, 2);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] out = new float[4];
        NaiveConv.forward(s, x, 0, new float[] {1, 0, 0, -1}, 0, new float[] {0.5f}, 0, out, 0, 1);
        assertThat(out).containsExactly(-3.5f, -3.5f, -3.5f, -3.5f);
    }

    @Test
    void strideTwoReadsEveryOtherPixelAndScattersBackToThem() {
        // 1 x 4 x 4 image 0..15, one 1 x 1 kernel of weight 2, stride 2, at offsets in longer arrays
        ConvShape s = new ConvShape(1, 4, 4, 1, 1, 2, 0, 0, 2, 2);
        float[] x = new float[18];
        for (int i = 0; i < 16; i++) {
            x[2 + i] = i;
        }
        float[] out = filled(5, 7f);
        NaiveConv.forward(s, x, 2, new float[] {9, 2}, 1, new float[] {0, 0, 1}, 2, out, 1, 1);
        assertThat(out).containsExactly(7f, 1f, 5f, 17f, 21f);
        float[] dInput = filled(16, Float.NaN);
        NaiveConv.backwardInput(s, new float[] {2}, 0, new float[] {1, 2, 3, 4}, 0, dInput, 0, 1);
        assertThat(dInput).containsExactly(2, 0, 4, 0, 0, 0, 0, 0, 6, 0, 8, 0, 0, 0, 0, 0);
    }

    @ParameterizedTest(name = "{0} in {1}x{2}, {3} filters of {4}, stride {5}, pad {6}/{7}, {10} images")
    @CsvSource({
        "1, 5, 5, 1, 3, 1, 1, 1, 5, 5, 1",
        "7, 6, 9, 3, 5, 1, 2, 2, 6, 9, 3",
        "33, 4, 4, 7, 1, 1, 0, 0, 4, 4, 1",
        "3, 7, 7, 2, 4, 2, 1, 1, 4, 4, 3",
        "2, 9, 8, 4, 3, 2, 0, 0, 4, 3, 1",
    })
    void theBackwardPassesAreTheAdjointOfTheForwardPass(int cin, int h, int w, int cout, int k, int stride,
                                                        int padTop, int padLeft, int oh, int ow, int n) {
        ConvShape s = new ConvShape(cin, h, w, cout, k, stride, padTop, padLeft, oh, ow);
        SplittableRandom rng = new SplittableRandom(cin * 31L + k);
        float[] x = random(n * s.inputSize(), rng);
        float[] weights = random(cout * s.patch(), rng);
        float[] dOut = random(n * s.outputSize(), rng);
        float[] out = new float[dOut.length];
        NaiveConv.forward(s, x, 0, weights, 0, new float[cout], 0, out, 0, n);  // bias 0
        float[] dInput = new float[x.length];
        NaiveConv.backwardInput(s, weights, 0, dOut, 0, dInput, 0, n);
        float[] dW = new float[weights.length];
        NaiveConv.backwardWeights(s, x, 0, dOut, 0, dW, 0, n);
        float[] db = new float[cout];
        NaiveConv.backwardBias(s, dOut, 0, db, 0, n);

        double[] viaOut = dot(dOut, out);
        double[] viaInput = dot(dInput, x);
        double[] viaWeights = dot(dW, weights);
        assertThat(viaOut[1]).as("a non-trivial case").isGreaterThan(1.0);
        assertThat(viaInput[0]).isCloseTo(viaOut[0], within(1e-5 * viaOut[1]));
        assertThat(viaWeights[0]).isCloseTo(viaOut[0], within(1e-5 * viaOut[1]));
        double sumDOut = 0;
        double sumAbs = 0;
        for (float d : dOut) {
            sumDOut += d;
            sumAbs += Math.abs(d);
        }
        double sumDb = 0;
        for (float d : db) {
            sumDb += d;
        }
        assertThat(sumDb).isCloseTo(sumDOut, within(1e-5 * sumAbs));
    }

    /** {Σ a ⊙ b, Σ |a ⊙ b|} in double. */
    private static double[] dot(float[] a, float[] b) {
        double sum = 0;
        double abs = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
            abs += Math.abs((double) a[i] * b[i]);
        }
        return new double[] {sum, abs};
    }

    private static float[] random(int size, SplittableRandom rng) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static float[] filled(int size, float value) {
        float[] x = new float[size];
        Arrays.fill(x, value);
        return x;
    }
}
