package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.kernel.ScalarMatMul;
import org.tune4j.engine.tensor.Shape;

/** Closed-form pooling cases, written out by hand. */
class MaxPool2DTest {

    @Test
    void fourByFourToTwoByTwoAndGradientToTheMaxima() {
        MaxPool2D pool = new MaxPool2D(Shape.of(1, 4, 4), 2, 2);
        float[] in = {
            1, 2, 3, 4,
            5, 6, 7, 8,
            9, 10, 11, 12,
            13, 14, 15, 16};
        LayerState state = pool.newState(1, new ScalarMatMul());
        float[] out = new float[4];
        pool.forward(state, new float[0], 0, in, out, 1);
        assertThat(out).containsExactly(6, 8, 14, 16);

        float[] dIn = new float[16];
        pool.backward(state, new float[0], new float[0], 0, in, out, new float[] {1, 2, 3, 4}, dIn, 1);
        assertThat(dIn).containsExactly(
            0, 0, 0, 0,
            0, 1, 0, 2,
            0, 0, 0, 0,
            0, 3, 0, 4);
    }

    @Test
    void tiesGoToTheFirstMaximumAndOverlapsAccumulate() {
        MaxPool2D pool = new MaxPool2D(Shape.of(1, 3, 3), 2, 1);
        float[] in = {
            0, 0, 0,
            0, 9, 0,
            0, 0, 0};
        LayerState state = pool.newState(1, new ScalarMatMul());
        float[] out = new float[4];
        pool.forward(state, new float[0], 0, in, out, 1);
        assertThat(out).containsExactly(9, 9, 9, 9);
        float[] dIn = new float[9];
        pool.backward(state, new float[0], new float[0], 0, in, out, new float[] {1, 1, 1, 1}, dIn, 1);
        assertThat(dIn[4]).isEqualTo(4f);

        float[] flat = new float[4];  // all equal: every window picks its top-left element
        float[] out2 = new float[1];
        MaxPool2D p2 = new MaxPool2D(Shape.of(1, 2, 2), 2, 2);
        LayerState s2 = p2.newState(1, new ScalarMatMul());
        p2.forward(s2, new float[0], 0, flat, out2, 1);
        float[] d2 = new float[4];
        p2.backward(s2, new float[0], new float[0], 0, flat, out2, new float[] {5}, d2, 1);
        assertThat(d2).containsExactly(5, 0, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(KernelMode.class)
    void theHalvingPathPicksWhatTheGeneralScanPicks(KernelMode mode) {
        // the same 6x6 data pooled by the 2x2-stride-2 fast path (scalar or SIMD) and, padded to 7x7 (odd: general path)
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        float[] values = {0f, -0f, 1f, -1f, 2f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int trial = 0; trial < 200; trial++) {
            float[] even = new float[36];
            float[] odd = new float[49];
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    float v = values[rnd.nextInt(values.length)];
                    even[y * 6 + x] = v;
                    odd[y * 7 + x] = v;
                }
            }
            MaxPool2D fast = new MaxPool2D(Shape.of(1, 6, 6), 2, 2);
            MaxPool2D general = new MaxPool2D(Shape.of(1, 7, 7), 2, 2);
            float[] outFast = new float[9];
            float[] outGeneral = new float[9];
            LayerState sf = fast.newState(1, Kernels.matMul(mode));
            LayerState sg = general.newState(1, new ScalarMatMul());
            fast.forward(sf, new float[0], 0, even, outFast, 1);
            general.forward(sg, new float[0], 0, odd, outGeneral, 1);
            float[] dOut = {1, 2, 3, 4, 5, 6, 7, 8, 9};
            float[] dFast = new float[36];
            float[] dGeneral = new float[49];
            java.util.Arrays.fill(dFast, Float.NaN);  // every input gradient must be written
            fast.backward(sf, new float[0], new float[0], 0, even, outFast, dOut, dFast, 1);
            general.backward(sg, new float[0], new float[0], 0, odd, outGeneral, dOut, dGeneral, 1);
            for (int o = 0; o < 9; o++) {
                assertThat(Float.compare(Math.abs(outFast[o]), Math.abs(outGeneral[o]))).as("trial %d out %d", trial, o).isZero();
            }
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    assertThat(dFast[y * 6 + x]).as("trial %d dInput(%d, %d)", trial, y, x).isEqualTo(dGeneral[y * 7 + x]);
                }
            }
        }
    }
}
