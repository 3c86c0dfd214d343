package org.tune4j.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SimdElementwiseOps' sigmoid and tanh against the scalar specification (Math.exp and Math.tanh in
 * double, rounded once), with the bounds stated on {@link ElementwiseOps#sigmoid} and
 * {@link ElementwiseOps#tanh}: every float in [-20, 20] on a grid of step 2^-10 (40,961 values,
 * through both polynomial branches of tanh and every exp reduction interval there), 100,000 random
 * floats in ±100, sizes that leave a scalar tail, and NaN, ±∞, ±0. Prints the largest error found.
 */
class ActivationSimdTest {

    private static final int MAX_ULPS = 4;
    private final ElementwiseOps scalar = new ScalarElementwiseOps();
    private final ElementwiseOps simd = new SimdElementwiseOps();

    @Test
    void sigmoidWithinFourUlpsOfTheSpecification() {
        float[] x = inputs();
        float[] expected = new float[x.length];
        float[] actual = new float[x.length];
        scalar.sigmoid(x, expected, x.length);
        simd.sigmoid(x, actual, x.length);
        System.out.printf("simd sigmoid: max %d ulps%n", check("sigmoid", x, actual, expected, 1e-30f, 1e-37f));
    }

    @Test
    void tanhWithinFourUlpsOfTheSpecification() {
        float[] x = inputs();
        float[] expected = new float[x.length];
        float[] actual = new float[x.length];
        scalar.tanh(x, expected, x.length);
        simd.tanh(x, actual, x.length);
        System.out.printf("simd tanh: max %d ulps%n", check("tanh", x, actual, expected, 0f, 0f));
    }

    @Test
    void specialValuesAndInPlace() {
        float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1f, -1f, 0.625f,
            -0.625f, 50f, -50f, 88f, -88f, 1e-8f, -1e-8f, 3f, -3f};
        float[] sig = x.clone();
        simd.sigmoid(sig, sig, sig.length);
        assertThat(sig[0]).isNaN();
        assertThat(sig[1]).isEqualTo(1f);
        assertThat(sig[2]).isBetween(0f, 1e-37f);
        assertThat(sig[3]).isEqualTo(0.5f);
        float[] th = x.clone();
        simd.tanh(th, th, th.length);
        assertThat(th[0]).isNaN();
        assertThat(th[1]).isEqualTo(1f);
        assertThat(th[2]).isEqualTo(-1f);
        assertThat(Float.floatToRawIntBits(th[3])).isEqualTo(0);
        assertThat(th[13]).isEqualTo(1e-8f);
        for (int i = 5; i < x.length; i += 2) {  // x[i + 1] = -x[i]: tanh is odd, bit for bit
            assertThat(th[i + 1]).as("tanh(%s)", x[i + 1]).isEqualTo(-th[i]);
        }
    }

    /** Max ulps over the values where |expected| >= floor; below it, |actual - expected| <= absTol. */
    private static int check(String what, float[] x, float[] actual, float[] expected, float floor, float absTol) {
        int worst = 0;
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(expected[i]) < floor) {
                assertThat((double) Math.abs(actual[i] - expected[i])).as("%s(%s) absolute", what, x[i])
                        .isLessThanOrEqualTo(absTol);
                continue;
            }
            int ulps = Math.abs(Float.floatToIntBits(actual[i]) - Float.floatToIntBits(expected[i]));
            if (Math.signum(actual[i]) != Math.signum(expected[i])) {
                ulps = Integer.MAX_VALUE;
            }
            assertThat(ulps).as("%s(%s): simd %s, spec %s", what, x[i], actual[i], expected[i])
                    .isLessThanOrEqualTo(MAX_ULPS);
            worst = Math.max(worst, ulps);
        }
        return worst;
    }

    private static float[] inputs() {
        int grid = 40 * 1024 + 1;
        int random = 100_000;
        float[] x = new float[grid + random + 3];  // + 3: a scalar tail on any lane count up to 16
        for (int i = 0; i < grid; i++) {
            x[i] = -20f + i / 1024f;
        }
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = grid; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble(-100, 100);
        }
        return x;
    }
}
