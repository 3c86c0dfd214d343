package org.tune4j.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SimdElementwiseOps against the specification ScalarElementwiseOps, bit for bit: ReLU on sizes
 * around the lane count, and 2x2 max pooling on the tutorial's widths (28, 14) and awkward ones,
 * with values drawn from a small set so that ties (including -0 against +0) are frequent, with
 * and without NaN, with arrays that end exactly at the data (no room to read past it).
 */
class ElementwiseOpsParityTest {

    private static final float[] TIE_PRONE = {0f, -0f, 1f, -1f, 2f, 0.5f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    private final ElementwiseOps scalar = new ScalarElementwiseOps();
    private final ElementwiseOps simd = new SimdElementwiseOps();

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {0, 1, 7, 15, 16, 17, 33, 64, 1000})
    void reluForwardAndBackwardAreBitIdentical(int size) {
        SplittableRandom rnd = new SplittableRandom(size);
        float[] x = values(rnd, size, 0.05);
        float[] dy = values(rnd, size, 0.05);
        float[] expected = new float[size];
        float[] actual = new float[size];
        scalar.relu(x, expected, size);
        simd.relu(x, actual, size);
        assertBitIdentical(actual, expected, "relu");
        scalar.reluBackward(x, dy, expected, size);
        simd.reluBackward(x, dy, actual, size);
        assertBitIdentical(actual, expected, "reluBackward");
    }

    @ParameterizedTest(name = "rows {0} width {1} NaN rate {2} spare {3}")
    @CsvSource({
        "1, 2, 0, 0", "1, 28, 0, 0", "7, 14, 0, 0", "64, 14, 0, 0", "300, 28, 0, 0", "1000, 14, 0, 0",
        "33, 30, 0, 0", "17, 34, 0, 5", "5, 64, 0, 0", "3, 100, 0, 0", "200, 2, 0, 0", "129, 6, 0, 3",
        "300, 28, 0.001, 0", "64, 14, 0.02, 7", "1000, 14, 0.0005, 0",
    })
    void maxPoolForwardAndBackwardAreBitIdentical(int rows, int w, double nanRate, int spare) {
        SplittableRandom rnd = new SplittableRandom(rows * 1000L + w);
        int inSize = 2 * rows * w;
        int outSize = rows * w / 2;
        float[] x = new float[inSize + spare];
        float[] drawn = values(rnd, inSize, nanRate);
        System.arraycopy(drawn, 0, x, 0, inSize);
        float[] yExpected = new float[outSize];
        float[] yActual = new float[outSize];
        float[] cornerExpected = new float[outSize];
        float[] cornerActual = new float[outSize];
        scalar.maxPool2x2(x, rows, w, yExpected, cornerExpected);
        simd.maxPool2x2(x, rows, w, yActual, cornerActual);
        assertBitIdentical(yActual, yExpected, "pooled values");
        assertThat(cornerActual).as("winning corners").containsExactly(cornerExpected);

        float[] dy = values(rnd, outSize, nanRate);
        float[] dxExpected = new float[inSize + spare];
        float[] dxActual = new float[inSize + spare];
        java.util.Arrays.fill(dxActual, Float.NaN);  // every input gradient must be written
        java.util.Arrays.fill(dxExpected, 0, inSize, Float.NaN);
        scalar.maxPool2x2Backward(cornerExpected, dy, rows, w, dxExpected);
        simd.maxPool2x2Backward(cornerExpected, dy, rows, w, dxActual);
        for (int i = inSize; i < dxActual.length; i++) {
            assertThat(dxActual[i]).as("dx past the data at %d", i).isNaN();
            dxActual[i] = 0f;
        }
        assertBitIdentical(dxActual, dxExpected, "input gradients");
    }

    @ParameterizedTest(name = "rows {0} width {1} stride {2}")
    @CsvSource({"14, 14, 16", "28, 28, 30", "1, 1, 1", "3, 7, 9", "5, 16, 16", "4, 17, 20", "2, 33, 40", "1, 15, 15"})
    void packRowsPlusBiasIsBitIdenticalAndWritesOnlyItsRows(int rows, int width, int stride) {
        SplittableRandom rnd = new SplittableRandom(rows * 100L + width);
        float[] src = values(rnd, 3 + rows * stride, 0.0);  // ends right after the last row: no room to read past
        float bias = 0.25f;
        float[] expected = new float[5 + rows * width + 7];
        java.util.Arrays.fill(expected, 99f);
        float[] actual = expected.clone();
        scalar.packRowsPlusBias(src, 3, stride, bias, expected, 5, width, rows);
        for (boolean masked : new boolean[] {true, false}) {  // JDK 18+ stores a row's tail masked, JDK 17 in scalars
            float[] got = actual.clone();
            new SimdElementwiseOps(masked).packRowsPlusBias(src, 3, stride, bias, got, 5, width, rows);
            assertBitIdentical(got, expected, "packed rows, masked tails " + masked);  // and the untouched 99s around
        }
        assertThat(expected[5 + rows * width]).isEqualTo(99f);
        assertThat(expected[5 + width - 1]).isEqualTo(src[3 + width - 1] + bias);
    }

    @ParameterizedTest(name = "rows {0} width {1} strides {2}, {3}")
    @CsvSource({"14, 14, 14, 16", "14, 14, 16, 14", "28, 28, 28, 30", "3, 5, 7, 5", "2, 33, 40, 33", "4, 16, 16, 18", "0, 14, 14, 16"})
    void copyRowsIsExactAndWritesOnlyItsRows(int rows, int width, int srcStride, int dstStride) {
        SplittableRandom rnd = new SplittableRandom(rows * 1000L + width * 10L + dstStride);
        float[] src = values(rnd, 3 + Math.max(0, rows - 1) * srcStride + width, 0.0);  // ends with the last row
        float[] expected = new float[5 + Math.max(0, rows - 1) * dstStride + width + 7];
        java.util.Arrays.fill(expected, 99f);
        float[] actual = expected.clone();
        for (int r = 0; r < rows; r++) {  // the definition, independently of both kernels
            for (int x = 0; x < width; x++) {
                expected[5 + r * dstStride + x] = src[3 + r * srcStride + x];
            }
        }
        for (boolean masked : new boolean[] {true, false}) {  // JDK 18+ stores a row's tail masked, JDK 17 in scalars
            float[] got = actual.clone();
            new SimdElementwiseOps(masked).copyRows(src, 3, srcStride, got, 5, dstStride, width, rows);
            assertBitIdentical(got, expected, "copied rows, masked tails " + masked);  // and the 99s between and around
        }
        float[] byScalar = new float[expected.length];
        java.util.Arrays.fill(byScalar, 99f);
        scalar.copyRows(src, 3, srcStride, byScalar, 5, dstStride, width, rows);
        assertBitIdentical(byScalar, expected, "copied rows, scalar");
    }

    @ParameterizedTest(name = "rows {0} columns {1}")
    @CsvSource({"1, 16", "224, 48", "848, 16", "7, 33", "3, 5", "0, 16"})
    void columnSumsAreBitIdentical(int rows, int m) {
        SplittableRandom rnd = new SplittableRandom(rows * 31L + m);
        float[] d = values(rnd, 2 + rows * m, 0.0);
        float[] expected = values(rnd, m, 0.0);
        float[] actual = expected.clone();
        scalar.addColumnSums(d, 2, rows, m, expected);
        simd.addColumnSums(d, 2, rows, m, actual);
        assertBitIdentical(actual, expected, "column sums");
    }

    @Test
    void columnSumsAddToWhatIsThere() {
        float[] d = {1, 2, 3, 4, 5, 6};  // 3 rows x 2 columns
        float[] out = {10, 20};
        simd.addColumnSums(d, 0, 3, 2, out);
        assertThat(out).containsExactly(19f, 32f);
    }

    @Test
    void aWindowOfEqualValuesKeepsTheFirstCornerAndTopRightBeatsBottomLeft() {
        // windows: all equal; top-right == bottom-left largest; bottom-right alone largest; NaN bottom-left
        float[] x = {
            3, 3, 1, 5, 0, 0, 1, 1,
            3, 3, 5, 2, 0, 7, Float.NaN, 9};
        float[] y = new float[4];
        float[] corner = new float[4];
        simd.maxPool2x2(x, 1, 8, y, corner);
        assertThat(y).containsExactly(3f, 5f, 7f, Float.NaN);
        assertThat(corner).containsExactly(0f, 1f, 3f, 2f);
    }

    @Test
    void reluBackwardMaskMatchesTheComparison() {
        float[] ys = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001)};
        for (float y : ys) {
            assertThat(ScalarElementwiseOps.positiveMask(y)).as("mask of %s", y).isEqualTo(y > 0f ? -1 : 0);
        }
    }

    /** Mostly tie-prone values, some random ones, NaN (positive or negative bits) at the given rate. */
    private static float[] values(SplittableRandom rnd, int size, double nanRate) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            double u = rnd.nextDouble();
            if (u < nanRate) {
                v[i] = rnd.nextBoolean() ? Float.NaN : Float.intBitsToFloat(0xffc00000);
            } else if (u < 0.6) {
                v[i] = TIE_PRONE[rnd.nextInt(TIE_PRONE.length)];
            } else {
                v[i] = (float) rnd.nextGaussian();
            }
        }
        return v;
    }

    private static void assertBitIdentical(float[] actual, float[] expected, String what) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            int a = Float.floatToRawIntBits(actual[i]);
            int e = Float.floatToRawIntBits(expected[i]);
            if (Float.isNaN(actual[i]) && Float.isNaN(expected[i])) {
                continue;  // any NaN is the same NaN here
            }
            assertThat(a).as("%s at %d: %s, expected %s", what, i, actual[i], expected[i]).isEqualTo(e);
        }
    }
}
