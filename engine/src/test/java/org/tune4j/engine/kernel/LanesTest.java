package org.tune4j.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * Lanes.sum against the same pairwise tree written in scalar code, bit for bit, over enough calls
 * that the JIT compiles it midway: interpreted and compiled sums must agree (reduceLanes(ADD)'s
 * did not, which made training runs differ in the 8th digit from one launch to the next).
 */
class LanesTest {

    @Test
    void theSumIsThePairwiseTreeWhetherInterpretedOrCompiled() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        SplittableRandom rnd = new SplittableRandom(5);
        float[] x = new float[lanes];
        for (int call = 0; call < 50_000; call++) {
            for (int i = 0; i < lanes; i++) {
                x[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-3, 4)));  // magnitudes that make order matter
            }
            float actual = Lanes.sum(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0));
            float expected = tree(x.clone());
            if (Float.floatToRawIntBits(actual) != Float.floatToRawIntBits(expected)) {
                assertThat(actual).as("call %d", call).isEqualTo(expected);
            }
        }
    }

    /** v[i] += v[(i + h) mod L] for h = L/2, L/4, .., 1, all lanes at once; the sum is v[0]. */
    private static float tree(float[] v) {
        int lanes = v.length;
        for (int h = lanes / 2; h >= 1; h /= 2) {
            float[] next = new float[lanes];
            for (int i = 0; i < lanes; i++) {
                next[i] = v[i] + v[(i + h) % lanes];
            }
            v = next;
        }
        return v[0];
    }
}
