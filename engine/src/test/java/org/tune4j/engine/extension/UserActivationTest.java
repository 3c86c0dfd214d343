package org.tune4j.engine.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tune4j.engine.reference.Numeric.assertClose;
import static org.tune4j.engine.reference.Numeric.centralDifferences;
import static org.tune4j.engine.reference.Numeric.dot;
import static org.tune4j.engine.reference.Numeric.toDouble;
import static org.tune4j.engine.reference.Numeric.uniform;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.ScalarMatMul;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.ActivationLayer;
import org.tune4j.engine.layer.LayerState;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.Adam;
import org.tune4j.engine.tensor.Shape;
import org.tune4j.engine.train.Evaluation;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.engine.train.History;
import org.tune4j.engine.train.SyntheticImages;
import org.tune4j.engine.train.TrainConfig;
import org.tune4j.engine.train.Trainer;
import org.tune4j.engine.train.TrainingListener;

/**
 * A new activation is one class plus one services line: {@link Softsign}, registered in this test
 * class path only, is found by name, is differentiated correctly, and trains, saves and loads.
 */
class UserActivationTest {

    @TempDir
    Path dir;

    @Test
    void isFoundByItsName() {
        assertThat(Activation.parse(" SoftSign ")).isEqualTo(new Softsign());
    }

    /** Closed form: softsign(1) = 1/2 and its slope there 1/4; softsign(-3) = -3/4, slope 1/16. */
    @Test
    void closedFormValues() {
        Activation a = Activation.parse("softsign");
        assertThat(a.apply(1f)).isEqualTo(0.5f);
        assertThat(a.derivativeFromOutput(a.apply(1f))).isEqualTo(0.25f);
        assertThat(a.apply(-3f)).isEqualTo(-0.75f);
        assertThat(a.derivativeFromOutput(a.apply(-3f))).isEqualTo(0.0625f);
    }

    /** Backward through the layer against central differences of softsign written in double. */
    @Test
    void backwardMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 2;
        ActivationLayer layer = new ActivationLayer(Shape.flat(12), Activation.parse("softsign"));
        float[] x = uniform(n * 12, 3, rng);
        float[] r = uniform(n * 12, 1, rng);
        LayerState state = layer.newState(n, new ScalarMatMul());
        float[] y = new float[x.length];
        float[] dx = new float[x.length];
        layer.forward(state, new float[0], 0, x, y, n);
        layer.backward(state, new float[0], new float[0], 0, x, y, r, dx, n);

        double[] expectedY = softsign(toDouble(x));
        assertClose("forward", y, 0, expectedY, 1e-6, 1e-6);
        double[] rd = toDouble(r);
        double[] expectedDx = centralDifferences(toDouble(x), xs -> dot(rd, softsign(xs)));
        assertClose("dInput", dx, 0, expectedDx, 1e-5, 1e-4);
    }

    private static double[] softsign(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] / (1 + Math.abs(x[i]));
        }
        return y;
    }

    @Test
    void trainsSavesAndLoadsByName() throws Exception {
        LabeledImages train = SyntheticImages.quadrants(512, 1);
        LabeledImages validation = SyntheticImages.quadrants(128, 2);
        Activation softsign = Activation.parse("softsign");
        Sequential model = Sequential.builder(1, 8, 8)
                .conv2d(4, 3, Padding.SAME).activation(softsign).maxPool(2)
                .flatten().dense(16).activation(softsign).dense(4)
                .build(3);
        History h = new Trainer(new TrainConfig(5, 32, 5, 1, KernelMode.SCALAR))
                .fit(model, new Adam(0.01), train, validation, TrainingListener.NONE);
        assertThat(h.last().loss()).isLessThan(h.epochs().get(0).loss());
        assertThat(h.last().valAccuracy()).isGreaterThan(0.9);

        Path file = dir.resolve("softsign.t4j");
        ModelFile.save(model, file);
        Sequential loaded = ModelFile.load(file);

        assertThat(loaded.layers().get(1)).isInstanceOfSatisfying(ActivationLayer.class,
                a -> assertThat(a.activation()).isEqualTo(new Softsign()));
        assertThat(loaded.parameters()).containsExactly(model.parameters());
        Evaluator evaluator = new Evaluator(1, KernelMode.SCALAR);
        Evaluation before = evaluator.evaluate(model, validation);
        Evaluation after = evaluator.evaluate(loaded, validation);
        assertThat(after.probabilities()).containsExactly(before.probabilities());
    }
}
