package org.tune4j.engine.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.layer.LayerState;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.tensor.Shape;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.engine.train.SyntheticImages;

/**
 * A new layer reaches model files with one class plus one services line: {@link ScaleType},
 * registered in this test class path only, reads {@link Scale} back.
 */
class UserLayerTypeTest {

    @TempDir
    Path dir;

    @Test
    void aModelWithTheLayerRoundTripsThroughAModelFile() throws Exception {
        Sequential model = Sequential.builder(1, 8, 8)
                .conv2d(2, 3, Padding.SAME).add(s -> new Scale(s, 3)).activation(Activation.TANH)
                .flatten().dense(4)
                .build(11);
        Path file = dir.resolve("scaled.t4j");
        ModelFile.save(model, file);

        Sequential loaded = ModelFile.load(file);

        assertThat(loaded.layers().get(1)).isInstanceOfSatisfying(Scale.class, s -> assertThat(s.factor()).isEqualTo(3));
        assertThat(loaded.layers()).extracting(Layer::config)
                .isEqualTo(model.layers().stream().map(Layer::config).toList());
        assertThat(loaded.parameters()).containsExactly(model.parameters());
        Evaluator evaluator = new Evaluator(1, KernelMode.SCALAR);
        var images = SyntheticImages.quadrants(16, 4);
        assertThat(evaluator.evaluate(loaded, images).probabilities())
                .containsExactly(evaluator.evaluate(model, images).probabilities());
    }

    /** A layer no registered type reads back is refused when saving, before anything is written. */
    @Test
    void aLayerWithoutATypeIsRefusedWhenSaving() {
        Sequential model = Sequential.builder(1, 2, 2).flatten().add(Unregistered::new).dense(2).build(1);
        assertThatThrownBy(() -> ModelFile.save(model, dir.resolve("x.t4j")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown layer type 'Unregistered', expected one of: ");
        assertThat(dir.resolve("x.t4j")).doesNotExist();
    }

    /** The identity under a kind no layer type is registered for. */
    private record Unregistered(Shape inputShape) implements Layer {
        @Override public String kind() { return "Unregistered"; }
        @Override public Shape outputShape() { return inputShape; }
        @Override public int parameterCount() { return 0; }
        @Override public Map<String, Object> config() { return Map.of("type", kind()); }
        @Override public void initialize(float[] params, int pOff, RandomGenerator rng) { }
        @Override public LayerState newState(int capacity, MatMul matMul) { return new LayerState(capacity, matMul); }

        @Override
        public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
            System.arraycopy(input, 0, out, 0, n * inputShape.size());
        }

        @Override
        public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                             float[] input, float[] out, float[] dOut, float[] dInput, int n) {
            System.arraycopy(dOut, 0, dInput, 0, n * inputShape.size());
        }
    }
}
