package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
}
