package org.tune4j.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.Adam;

/** Intermediate validation checkpoints: where they fall, what they report, and a listener's stop. */
class CheckpointTest {

    private static final LabeledImages TRAIN = SyntheticImages.quadrants(512, 1);       // 16 batches of 32
    private static final LabeledImages VALIDATION = SyntheticImages.quadrants(128, 2);

    private static Sequential model() {
        return Sequential.builder(1, 8, 8)
                .conv2d(4, 3, Padding.SAME).activation(Activation.RELU).maxPool(2)
                .flatten().dense(16).activation(Activation.RELU).dense(4)
                .build(11);
    }

    private static History fit(Sequential m, int epochs, int threads, double reportEvery, TrainingListener listener) {
        return new Trainer(new TrainConfig(epochs, 32, 5, threads, KernelMode.SCALAR, reportEvery))
                .fit(m, new Adam(0.01), TRAIN, VALIDATION, listener);
    }

    @Test
    void checkpointBatchesAreTheFirstBatchesReachingEachFraction() {
        // 10 batches, every 0.25: ends of batches 3 (2.5 -> 3), 5, 8 (7.5 -> 8), 1-based; the epoch end is separate
        assertThat(new TrainConfig(1, 1, 0, 1, KernelMode.SCALAR, 0.25).checkpointBatches(10)).containsExactly(2, 4, 7);
        assertThat(new TrainConfig(1, 1, 0, 1, KernelMode.SCALAR, 0.3).checkpointBatches(10)).containsExactly(2, 5, 8);
        assertThat(new TrainConfig(1, 1, 0, 1, KernelMode.SCALAR, 0.5).checkpointBatches(430)).containsExactly(214);
        assertThat(new TrainConfig(1, 1, 0, 1, KernelMode.SCALAR).checkpointBatches(430)).isEmpty();
        // finer than a batch: every batch reports (and a tiny fraction costs no more than that)
        assertThat(new TrainConfig(1, 1, 0, 1, KernelMode.SCALAR, 0.1).checkpointBatches(5)).containsExactly(0, 1, 2, 3);
        assertThat(new TrainConfig(1, 1, 0, 1, KernelMode.SCALAR, 1e-12).checkpointBatches(4)).containsExactly(0, 1, 2);
        // an epoch of one batch has only its end
        assertThat(new TrainConfig(1, 1, 0, 1, KernelMode.SCALAR, 0.25).checkpointBatches(1)).isEmpty();
    }

    @Test
    void reportEveryOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new TrainConfig(1, 8, 1, 1, KernelMode.SCALAR, 0))
                .hasMessage("report every: expected a fraction of an epoch in (0, 1], found 0.0");
        assertThatThrownBy(() -> new TrainConfig(1, 8, 1, 1, KernelMode.SCALAR, 1.5))
                .hasMessageContaining("found 1.5");
        assertThatThrownBy(() -> new TrainConfig(1, 8, 1, 1, KernelMode.SCALAR, Double.NaN))
                .hasMessageContaining("found NaN");
    }

    @Test
    void quarterEpochCheckpointsReportStepEpochsAndImagesSeen() {
        List<Checkpoint> seen = new ArrayList<>();
        History h = fit(model(), 2, 1, 0.25, new TrainingListener() {
            @Override
            public Action onCheckpoint(Checkpoint c) {
                seen.add(c);
                return Action.CONTINUE;
            }
        });
        assertThat(h.stopped()).isFalse();
        assertThat(h.checkpoints()).isEqualTo(seen).hasSize(8);
        assertThat(seen).extracting(Checkpoint::step).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(seen).extracting(Checkpoint::epochs).containsExactly(0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0);
        assertThat(seen).extracting(Checkpoint::imagesSeen).containsExactly(128L, 256L, 384L, 512L, 640L, 768L, 896L, 1024L);
        assertThat(seen).extracting(Checkpoint::epoch).containsExactly(1, 1, 1, 1, 2, 2, 2, 2);
        assertThat(seen).extracting(Checkpoint::last).containsExactly(false, false, false, false, false, false, false, true);
        // the epoch-end checkpoints are the epochs' own validation
        assertThat(seen.get(3).valAccuracy()).isEqualTo(h.epochs().get(0).valAccuracy());
        assertThat(seen.get(7).valLoss()).isEqualTo(h.last().valLoss());
        // the intermediate ones are a real evaluation of the model at that point
        assertThat(seen.get(0).valAccuracy()).isBetween(0.0, 1.0);
        assertThat(seen.get(0).valLoss()).isNotEqualTo(seen.get(3).valLoss());
    }

    @Test
    void intermediateValidationLeavesTrainingBitIdentical() {
        for (int threads : new int[] {1, 2}) {
            Sequential plain = model();
            Sequential reported = model();
            History a = fit(plain, 2, threads, 1.0, TrainingListener.NONE);
            History b = fit(reported, 2, threads, 0.25, TrainingListener.NONE);
            assertThat(reported.parameters()).containsExactly(plain.parameters());
            assertThat(b.last().valLoss()).isEqualTo(a.last().valLoss());
            assertThat(a.checkpoints()).hasSize(2);
            assertThat(b.checkpoints()).hasSize(8);
        }
    }

    @Test
    void aListenerStopsTrainingAtACheckpoint() {
        List<String> events = new ArrayList<>();
        History h = fit(model(), 3, 1, 0.5, new TrainingListener() {
            @Override public void onBatchEnd(int epoch, int batch, double loss, long images) { events.add("batch " + epoch + "." + batch); }
            @Override public void onEpochEnd(EpochStats stats) { events.add("end " + stats.epoch()); }
            @Override
            public Action onCheckpoint(Checkpoint c) {
                events.add("checkpoint " + c.step());
                return c.step() == 3 ? Action.STOP : Action.CONTINUE;
            }
        });
        assertThat(h.stopped()).isTrue();
        assertThat(h.checkpoints()).hasSize(3);
        assertThat(h.checkpoints().get(2).epochs()).isEqualTo(1.5);
        assertThat(h.epochs()).hasSize(1);   // epoch 2 was cut short
        // nothing ran after the stop: 16 batches of epoch 1, 8 of epoch 2
        assertThat(events.get(events.size() - 1)).isEqualTo("checkpoint 3");
        assertThat(events).filteredOn(e -> e.startsWith("batch")).hasSize(24);
        assertThat(events).containsSubsequence("batch 1.15", "end 1", "checkpoint 2", "batch 2.0");
    }

    @Test
    void aStopAtAnEpochEndEndsTheFit() {
        History h = fit(model(), 3, 1, 1.0, new TrainingListener() {
            @Override
            public Action onCheckpoint(Checkpoint c) {
                return c.step() == 1 ? Action.STOP : Action.CONTINUE;
            }
        });
        assertThat(h.stopped()).isTrue();
        assertThat(h.epochs()).hasSize(1);
        assertThat(h.checkpoints()).hasSize(1);
    }
}
