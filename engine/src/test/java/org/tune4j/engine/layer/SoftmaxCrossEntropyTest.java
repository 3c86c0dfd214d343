package org.tune4j.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tune4j.engine.reference.Numeric.assertClose;
import static org.tune4j.engine.reference.Numeric.centralDifferences;
import static org.tune4j.engine.reference.Numeric.toDouble;
import static org.tune4j.engine.reference.Numeric.uniform;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.reference.ReferenceNet;

/** Closed-form values and finite-difference gradients of the fused softmax cross-entropy. */
class SoftmaxCrossEntropyTest {

    @Test
    void equalLogitsGiveLogOfTheClassCountAndUniformProbabilities() {
        float[] probs = new float[3];
        double loss = SoftmaxCrossEntropy.forward(new float[] {0, 0, 0}, new int[] {0}, 0, 1, 3, probs);
        assertThat(loss).isCloseTo(Math.log(3), within(1e-12));
        float[] d = new float[3];
        SoftmaxCrossEntropy.backward(probs, new int[] {0}, 0, 1, 3, 1, d);
        assertThat(d).containsExactly(new float[] {1f / 3 - 1, 1f / 3, 1f / 3}, org.assertj.core.data.Offset.offset(1e-7f));
    }

    @Test
    void knownValueForLogitsOneTwoThree() {
        float[] probs = new float[3];
        double loss = SoftmaxCrossEntropy.forward(new float[] {1, 2, 3}, new int[] {2}, 0, 1, 3, probs);
        // log(e + e^2 + e^3) - 3
        assertThat(loss).isCloseTo(0.40760596444438, within(1e-6));
        assertThat(probs[0]).isCloseTo(0.09003057f, within(1e-7f));
        assertThat(probs[2]).isCloseTo(0.66524096f, within(1e-7f));
    }

    @Test
    void hugeLogitsStayFinite() {
        float[] probs = new float[2];
        double loss = SoftmaxCrossEntropy.forward(new float[] {1000, 0}, new int[] {1}, 0, 1, 2, probs);
        assertThat(loss).isCloseTo(1000, within(1e-9));
        assertThat(probs[0]).isEqualTo(1f);
        assertThat(probs[1]).isEqualTo(0f);
    }

    @Test
    void gradientIsTheDerivativeOfTheMeanLossOverTheWholeBatch() {
        SplittableRandom rng = new SplittableRandom(21);
        int n = 4, classes = 5;
        float[] logits = uniform(n * classes, 3.0, rng);
        int[] labels = {0, 4, 2, 2};
        float[] probs = new float[n * classes];
        double lossSum = SoftmaxCrossEntropy.forward(logits, labels, 0, n, classes, probs);
        assertThat(lossSum / n).isCloseTo(ReferenceNet.softmaxCrossEntropy(toDouble(logits), labels, classes), within(1e-6));
        float[] d = new float[n * classes];
        SoftmaxCrossEntropy.backward(probs, labels, 0, n, classes, n, d);
        double[] numeric = centralDifferences(toDouble(logits), z -> ReferenceNet.softmaxCrossEntropy(z, labels, classes));
        assertClose("dLogits", d, 0, numeric, 1e-6, 1e-4);
    }
}
