package org.tune4j.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Adam and SGD against the update rules written out in double, step by step. */
class OptimizerTest {

    @Test
    void adamMatchesKingmaBaAlgorithm1WithKerasDefaults() {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-7;
        float[] params = {0.5f, -1.0f, 2.0f};
        double[] ref = {0.5, -1.0, 2.0};
        double[] m = new double[3], v = new double[3];
        Adam adam = new Adam(lr);
        adam.initialize(3);
        for (int t = 1; t <= 5; t++) {
            float[] g = {(float) (0.3 * t), -0.01f, (float) (1.0 / t)};
            adam.step(params, g);
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                ref[i] -= lrT * m[i] / (Math.sqrt(v[i]) + eps);
                assertThat((double) params[i]).isCloseTo(ref[i], within(1e-6));
            }
        }
    }

    @Test
    void adamFirstStepMovesEachParameterByAboutTheLearningRate() {
        Adam adam = new Adam(0.001);
        adam.initialize(2);
        float[] p = {0f, 0f};
        adam.step(p, new float[] {5f, -0.02f});
        // step = lr |g| / (|g| + eps / sqrt(1 - beta2)): lr itself unless |g| is tiny
        assertThat((double) p[0]).isCloseTo(-0.001 * 5 / (5 + 1e-7 / Math.sqrt(0.001)), within(1e-8));  // float32 arithmetic
        assertThat((double) p[1]).isCloseTo(0.001 * 0.02 / (0.02 + 1e-7 / Math.sqrt(0.001)), within(1e-8));  // float32 arithmetic
    }

    @Test
    void sgdMomentumMatchesKerasRule() {
        SgdMomentum sgd = new SgdMomentum(0.1, 0.9);
        sgd.initialize(1);
        float[] p = {1f};
        sgd.step(p, new float[] {2f});   // v = -0.2, p = 0.8
        sgd.step(p, new float[] {1f});   // v = 0.9 * -0.2 - 0.1 = -0.28, p = 0.52
        assertThat(p[0]).isCloseTo(0.52f, within(1e-6f));
    }

    /** The update split into ranges (as TrainingStep runs it, one range per thread) is the whole update, bit for bit. */
    @Test
    void anUpdateCutIntoRangesEqualsTheWholeUpdate() {
        for (GradientOptimizer[] pair : new GradientOptimizer[][] {
                {new Adam(0.01), new Adam(0.01)}, {new SgdMomentum(0.05, 0.9), new SgdMomentum(0.05, 0.9)}}) {
            float[] whole = {0.5f, -1f, 2f, 0.25f, -0.75f, 3f, 1e-3f};
            float[] ranges = whole.clone();
            pair[0].initialize(whole.length);
            pair[1].initialize(whole.length);
            for (int t = 1; t <= 4; t++) {
                float[] g = new float[whole.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) Math.sin(7.0 * t + i) * (i + 1);
                }
                pair[0].step(whole, g);
                pair[1].beginStep();
                pair[1].stepRange(ranges, g, 4, 7);  // any order, any cut
                pair[1].stepRange(ranges, g, 0, 1);
                pair[1].stepRange(ranges, g, 1, 4);
                assertThat(ranges).as(pair[0] + " step " + t).containsExactly(whole);
            }
        }
    }

    @Test
    void invalidSettingsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> new Adam(0)).hasMessage("Adam learning rate must be a finite number > 0, found 0.0");
        assertThatThrownBy(() -> new Adam(-1e-3)).hasMessageContaining("found -0.001");
        assertThatThrownBy(() -> new SgdMomentum(0.1, 1.0)).hasMessage("SGD momentum must be in [0, 1), found 1.0");
        Adam adam = new Adam(0.1);
        assertThatThrownBy(() -> adam.step(new float[1], new float[1])).hasMessageContaining("call initialize");
    }
}
