package org.tune4j.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tune4j.engine.reference.Numeric.assertClose;
import static org.tune4j.engine.reference.Numeric.centralDifferences;
import static org.tune4j.engine.reference.Numeric.toDouble;
import static org.tune4j.engine.reference.Numeric.uniform;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Conv2D;
import org.tune4j.engine.layer.ConvAlgorithm;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.reference.ReferenceNet;
import org.tune4j.engine.train.Worker;

/**
 * The whole network's loss and parameter gradient (as a training worker computes them) against
 * the double-precision {@link ReferenceNet} and its central finite differences. Tolerances: loss
 * 1e-5 relative; gradient 1e-4 + 1e-3 |g|.
 */
class NetworkGradientTest {

    @Test
    void smallTutorialLikeNetworkWithRelu() {
        Sequential m = Sequential.builder(2, 8, 8)
                .conv2d(3, 3, Padding.SAME).activation(Activation.RELU).maxPool(2)
                .conv2d(4, 3, 2, Padding.VALID).activation(Activation.RELU)
                .flatten().dense(5).activation(Activation.RELU).dense(3)
                .build(11);
        check(m, new int[] {0, 2, 1, 2}, 31);
    }

    @Test
    void sigmoidAndTanhStack() {
        Sequential m = Sequential.builder(1, 6, 6)
                .conv2d(2, 5, Padding.SAME).activation(Activation.SIGMOID).maxPool(2)
                .flatten().dense(6).activation(Activation.TANH).dense(6).activation(Activation.SIGMOID).dense(4)
                .build(12);
        check(m, new int[] {3, 0, 1}, 32);
    }

    /** Both conv layers on Winograd F(2x2, 5x5), the second with an odd input (tile tails). */
    @Test
    void tutorialLikeNetworkOnWinogradConvolutions() {
        Sequential m = Sequential.builder(1, 10, 10)
                .add(s -> new Conv2D(s, 3, 5, 1, Padding.SAME, ConvAlgorithm.WINOGRAD))
                .activation(Activation.TANH).maxPool(2)
                .add(s -> new Conv2D(s, 4, 5, 1, Padding.SAME, ConvAlgorithm.WINOGRAD_4X4))
                .activation(Activation.SIGMOID).maxPool(2)
                .flatten().dense(5).activation(Activation.RELU).dense(3)
                .build(13);
        check(m, new int[] {2, 0, 1}, 33);
    }

    private static void check(Sequential model, int[] labels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = labels.length;
        // random biases too, so no unit sits exactly at a ReLU kink
        float[] biased = uniform(model.parameterCount(), 0.3, rng);
        for (int i = 0; i < biased.length; i++) {
            model.parameters()[i] += biased[i] * 0.2f;
        }
        float[] images = uniform(n * model.inputShape().size(), 1.0, rng);
        Worker worker = new Worker(model, n, KernelMode.SCALAR);
        System.arraycopy(images, 0, worker.input(), 0, images.length);
        worker.setLabels(labels);
        double loss = worker.forwardBackward(n, n) / n;

        double[] x = toDouble(images);
        double[] p = toDouble(model.parameters());
        assertThat(loss).isCloseTo(ReferenceNet.loss(model, p, x, labels), within(1e-5 * Math.abs(loss)));
        double[] numeric = centralDifferences(p, pi -> ReferenceNet.loss(model, pi, x, labels));
        assertClose("dParams", worker.gradients(), 0, numeric, 1e-4, 1e-3);
    }
}
