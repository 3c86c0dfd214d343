package org.tune4j.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;

/** The training memory estimate, counted by hand, and the refusal of a network that cannot fit. */
class TrainingMemoryTest {

    @Test
    void theEstimateCountsParametersOptimizerStateWorkerGradientsAndThreeCopiesOfEveryActivation() {
        Sequential.Builder b = Sequential.builder(1, 4, 4).conv2d(2, 3, Padding.SAME).flatten().dense(3);
        // conv: 2 x (1 x 3 x 3) + 2 = 20 parameters, output 2 x 4 x 4 = 32; flatten: 32; dense: 32 x 3 + 3 = 99, output 3
        long parameters = 20 + 99;
        long values = 16 + 3 * (32 + 32 + 3);          // input + 3 x outputs, per example
        long oneThread = 4 * (parameters * (3 + 1) + 1 * 10 * values);  // batch 10 on one worker
        long twoThreads = 4 * (parameters * (3 + 2 + 1) + 2 * 5 * values);
        assertThat(TrainingMemory.estimateBytes(b.inputShape(), b.layers(), 10, 1)).isEqualTo(oneThread);
        assertThat(TrainingMemory.estimateBytes(b.inputShape(), b.layers(), 10, 2)).isEqualTo(twoThreads);
        assertThat(TrainingMemory.estimateBytes(b.inputShape(), b.layers(), 11, 2))
                .isEqualTo(twoThreads + 4 * 2 * values);   // 11 on 2 workers: 6 each
    }

    @Test
    void aNetworkBeyondTheHeapIsRefusedBeforeItIsBuilt() {
        // 4096 inputs x 60000 units: 245,820,000 parameters (under the layer limit), 4 bytes x 4 copies = 3.9 GB ...
        Sequential.Builder b = Sequential.builder(1, 64, 64).flatten().dense(60_000);
        // ... and with a batch as large as the heap allows, surely beyond it
        int batch = (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (4L * 3 * 60_000) + 1);
        assertThatThrownBy(() -> TrainingMemory.require(b.inputShape(), b.layers(), batch, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the network cannot be trained within memory")
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "MB left of at most %,d MB",
                        Runtime.getRuntime().maxMemory() >> 20));
    }

    @Test
    void aSmallNetworkPasses() {
        Sequential.Builder b = Sequential.builder(1, 8, 8).flatten().dense(4).activation(Activation.RELU).dense(2);
        TrainingMemory.require(b.inputShape(), b.layers(), 32, 2);
        assertThat(TrainingMemory.estimateBytes(b.inputShape(), b.layers(), 32, 2)).isLessThan(1 << 20);
    }
}
