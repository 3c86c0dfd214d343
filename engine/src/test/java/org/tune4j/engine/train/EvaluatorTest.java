package org.tune4j.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.reference.Numeric;
import org.tune4j.engine.reference.ReferenceNet;

/** Evaluation against the double-precision reference, and independence from the thread count. */
class EvaluatorTest {

    private static final LabeledImages DATA = SyntheticImages.quadrants(300, 9);  // 3 chunks: 128, 128, 44

    private static Sequential model() {
        return Sequential.builder(1, 8, 8).conv2d(3, 3, Padding.SAME).activation(Activation.TANH).maxPool(2)
                .flatten().dense(4).build(17);
    }

    @Test
    void lossPredictionsAndConfusionMatchTheReference() {
        Sequential m = model();
        Evaluation ev = new Evaluator(2, KernelMode.SCALAR).evaluate(m, DATA);
        double[] logits = ReferenceNet.logits(m, Numeric.toDouble(m.parameters()), Numeric.toDouble(DATA.pixels()), DATA.count());
        assertThat(ev.loss()).isCloseTo(ReferenceNet.softmaxCrossEntropy(logits, DATA.labels(), 4), within(1e-5));
        int right = 0;
        int[][] confusion = new int[4][4];
        for (int i = 0; i < DATA.count(); i++) {
            int best = 0;
            for (int c = 1; c < 4; c++) {
                best = logits[i * 4 + c] > logits[i * 4 + best] ? c : best;
            }
            assertThat(ev.predicted()[i]).as("prediction %d", i).isEqualTo(best);
            confusion[DATA.labels()[i]][best]++;
            right += best == DATA.labels()[i] ? 1 : 0;
        }
        assertThat(ev.accuracy()).isEqualTo(right / 300.0);
        assertThat(ev.confusion()).isDeepEqualTo(confusion);
        float rowSum = ev.probabilities()[0] + ev.probabilities()[1] + ev.probabilities()[2] + ev.probabilities()[3];
        assertThat(rowSum).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void threadCountDoesNotChangeAnyResult() {
        Sequential m = model();
        Evaluation one = new Evaluator(1, KernelMode.SCALAR).evaluate(m, DATA);
        Evaluation three = new Evaluator(3, KernelMode.SCALAR).evaluate(m, DATA);
        assertThat(three.loss()).isEqualTo(one.loss());
        assertThat(three.predicted()).containsExactly(one.predicted());
        assertThat(three.probabilities()).containsExactly(one.probabilities());
    }

    @Test
    void rejectsDataOfAnotherShape() {
        LabeledImages wrong = new LabeledImages(new float[2 * 9], new int[] {0, 1}, 2, 1, 3, 3, java.util.List.of("a", "b", "c", "d"));
        assertThatThrownBy(() -> new Evaluator(1, KernelMode.SCALAR).evaluate(model(), wrong))
                .hasMessage("evaluation set images are (1, 3, 3) but the model expects (1, 8, 8)");
        assertThatThrownBy(() -> new Evaluator(0, KernelMode.SCALAR)).hasMessage("threads must be at least 1, found 0");
    }
}
