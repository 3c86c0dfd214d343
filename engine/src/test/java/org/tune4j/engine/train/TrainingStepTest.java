package org.tune4j.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.Adam;

/**
 * A whole step (two workers, gradient sum, Adam) allocates nothing once warm. Scalar kernels only:
 * Vector API code allocates until C2 has compiled it, which takes far longer than a unit test
 * should run; the SIMD step is checked with JMH's GC profiler (TrainingStepBenchmark, -prof gc).
 */
class TrainingStepTest {

    private static Sequential model() {
        return Sequential.builder(1, 8, 8).conv2d(4, 5, Padding.SAME).activation(Activation.RELU).maxPool(2)
                .conv2d(4, 3, Padding.SAME).activation(Activation.RELU).maxPool(2)
                .flatten().dense(8).activation(Activation.RELU).dense(4).build(1);
    }

    @Test
    void steadyStateStepAllocatesNothing() {
        for (KernelMode kernels : new KernelMode[] {KernelMode.SCALAR}) {
            LabeledImages data = SyntheticImages.quadrants(64, 3);
            int[] order = new int[data.count()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            try (TrainingStep step = new TrainingStep(model(), new Adam(1e-3), 32, 2, kernels)) {
                step.forwardBackward(data, order, 0, 32);  // warm-up: per-thread kernel scratch
                step.update();
                long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                for (int i = 0; i < 20; i++) {
                    step.forwardBackward(data, order, (i % 2) * 32, 32);
                    step.update();
                }
                long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
                assertThat(allocated).as("bytes allocated by 20 steps on %s", kernels).isLessThan(1024);
            }
        }
    }
}
