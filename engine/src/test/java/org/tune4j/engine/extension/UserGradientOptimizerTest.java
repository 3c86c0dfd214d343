package org.tune4j.engine.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.Adam;
import org.tune4j.engine.optim.GradientOptimizer;
import org.tune4j.engine.optim.GradientOptimizerFactory;
import org.tune4j.engine.optim.SgdMomentum;
import org.tune4j.engine.train.History;
import org.tune4j.engine.train.SyntheticImages;
import org.tune4j.engine.train.TrainConfig;
import org.tune4j.engine.train.Trainer;
import org.tune4j.engine.train.TrainingListener;

/**
 * A new update rule is one class plus one services line: {@link PlainSgd}, registered in this test
 * class path only, is found by name beside the built-ins and trains.
 */
class UserGradientOptimizerTest {

    @Test
    void theBuiltInsAndTheUsersAreFoundByName() {
        assertThat(GradientOptimizerFactory.byName("ADAM").create(0.5)).isInstanceOf(Adam.class)
                .hasToString("Adam(lr=0.5, beta1=0.9, beta2=0.999, epsilon=1.0E-7)");
        assertThat(GradientOptimizerFactory.byName("sgd").create(0.5)).isInstanceOf(SgdMomentum.class)
                .hasToString("SgdMomentum(lr=0.5, momentum=0.9)");
        assertThat(GradientOptimizerFactory.byName("plain-sgd")).isInstanceOf(PlainSgd.class);
        assertThatThrownBy(() -> GradientOptimizerFactory.byName("rmsprop"))
                .hasMessageStartingWith("unknown gradient optimizer 'rmsprop', expected one of: ")
                .hasMessageContainingAll("adam", "sgd", "plain-sgd");
    }

    /** Hand-computed: theta = (1, -2), g = (0.5, 4), lr 0.25: theta - lr g = (0.875, -3). */
    @Test
    void oneStepIsTheRule() {
        GradientOptimizer sgd = GradientOptimizerFactory.byName("plain-sgd").create(0.25);
        float[] theta = {1f, -2f};
        sgd.initialize(2);
        sgd.step(theta, new float[] {0.5f, 4f});
        assertThat(theta).containsExactly(0.875f, -3f);
    }

    @Test
    void trainsANetwork() {
        LabeledImages train = SyntheticImages.quadrants(512, 1);
        LabeledImages validation = SyntheticImages.quadrants(128, 2);
        Sequential model = Sequential.builder(1, 8, 8)
                .conv2d(4, 3, Padding.SAME).activation(Activation.RELU).maxPool(2)
                .flatten().dense(16).activation(Activation.RELU).dense(4)
                .build(3);
        History h = new Trainer(new TrainConfig(5, 32, 5, 1, KernelMode.SCALAR))
                .fit(model, GradientOptimizerFactory.byName("plain-sgd").create(0.1), train, validation,
                        TrainingListener.NONE);
        assertThat(h.last().loss()).isLessThan(h.epochs().get(0).loss());
        assertThat(h.last().valAccuracy()).isGreaterThan(0.9);
    }
}
