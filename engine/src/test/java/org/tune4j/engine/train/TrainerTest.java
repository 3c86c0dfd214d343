package org.tune4j.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.Adam;
import org.tune4j.engine.optim.SgdMomentum;

/** Training end to end on a small separable set: learning, reproducibility, thread-count independence, divergence. */
class TrainerTest {

    private static final LabeledImages TRAIN = SyntheticImages.quadrants(512, 1);
    private static final LabeledImages VALIDATION = SyntheticImages.quadrants(128, 2);

    private static Sequential model(long seed) {
        return Sequential.builder(1, 8, 8)
                .conv2d(4, 3, Padding.SAME).activation(Activation.RELU).maxPool(2)
                .flatten().dense(16).activation(Activation.RELU).dense(4)
                .build(seed);
    }

    private static History fit(Sequential m, int threads, int epochs, TrainingListener listener) {
        return new Trainer(new TrainConfig(epochs, 32, 5, threads, KernelMode.SCALAR))
                .fit(m, new Adam(0.01), TRAIN, VALIDATION, listener);
    }

    @Test
    void learnsASeparableSetInAFewEpochs() {
        Sequential m = model(3);
        History h = fit(m, 1, 5, TrainingListener.NONE);
        assertThat(h.epochs()).hasSize(5);
        assertThat(h.last().valAccuracy()).isGreaterThan(0.95);
        assertThat(h.last().loss()).isLessThan(h.epochs().get(0).loss());
        assertThat(h.last().imagesPerSecond()).isPositive();
        Evaluation ev = new Evaluator(2, KernelMode.SCALAR).evaluate(m, VALIDATION);
        assertThat(ev.accuracy()).isEqualTo(h.last().valAccuracy());
        assertThat(ev.loss()).isCloseTo(h.last().valLoss(), within(1e-9));
        int diagonal = 0;
        for (int c = 0; c < 4; c++) {
            diagonal += ev.confusion()[c][c];
        }
        assertThat(diagonal).isEqualTo((int) Math.round(ev.accuracy() * 128));
        assertThat(ev.probabilities()).hasSize(128 * 4);
    }

    @Test
    void sameSeedAndThreadsGiveIdenticalWeights() {
        Sequential a = model(4);
        Sequential b = model(4);
        fit(a, 2, 2, TrainingListener.NONE);
        fit(b, 2, 2, TrainingListener.NONE);
        assertThat(a.parameters()).containsExactly(b.parameters());
    }

    @Test
    void oneAndTwoThreadsAgreeWithinFloatTolerance() {
        History one = fit(model(5), 1, 2, TrainingListener.NONE);
        History two = fit(model(5), 2, 2, TrainingListener.NONE);
        for (int e = 0; e < 2; e++) {
            assertThat(two.epochs().get(e).loss()).isCloseTo(one.epochs().get(e).loss(), within(1e-4));
            assertThat(two.epochs().get(e).valLoss()).isCloseTo(one.epochs().get(e).valLoss(), within(1e-4));
        }
    }

    @Test
    void listenerSeesEveryBatchInOrder() {
        List<String> events = new ArrayList<>();
        fit(model(6), 1, 1, new TrainingListener() {
            @Override public void onEpochStart(int epoch, int batches) { events.add("start " + epoch + " " + batches); }
            @Override public void onBatchEnd(int epoch, int batch, double loss, long images) { events.add("batch " + batch + " " + images); }
            @Override public void onEpochEnd(EpochStats stats) { events.add("end " + stats.epoch()); }
        });
        assertThat(events).hasSize(1 + 16 + 1);
        assertThat(events.get(0)).isEqualTo("start 1 16");
        assertThat(events.get(16)).isEqualTo("batch 15 512");
        assertThat(events.get(17)).isEqualTo("end 1");
    }

    @Test
    void aDivergingRunThrowsWithEpochAndBatch() {
        Sequential m = model(7);
        Trainer trainer = new Trainer(new TrainConfig(3, 32, 5, 1, KernelMode.SCALAR));
        assertThatThrownBy(() -> trainer.fit(m, new SgdMomentum(1e6, 0.9), TRAIN, null, TrainingListener.NONE))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("training diverged")
                .satisfies(e -> assertThat(Double.isFinite(((TrainingDivergedException) e).loss())).isFalse());
    }

    @Test
    void mismatchedDataIsRejected() {
        Sequential tutorial = NetworkSpec.tutorial(1, 16, Activation.RELU).build(1);
        assertThatThrownBy(() -> fit(tutorial, 1, 1, TrainingListener.NONE))
                .hasMessage("training set images are (1, 8, 8) but the model expects (1, 28, 28)");
    }

    @Test
    void invalidConfigsAreRejected() {
        assertThatThrownBy(() -> new TrainConfig(0, 128, 1, 1, KernelMode.SCALAR)).hasMessage("epochs must be at least 1, found 0");
        assertThatThrownBy(() -> new TrainConfig(1, 0, 1, 1, KernelMode.SCALAR)).hasMessage("batch size must be at least 1, found 0");
        assertThatThrownBy(() -> new TrainConfig(1, 8, 1, 0, KernelMode.SCALAR)).hasMessage("threads must be at least 1, found 0");
    }
}
