package org.tune4j.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;

/** The lock-step pool: every worker runs once per round, failures surface in the caller, close ends the threads; and a worker step allocates nothing. */
class WorkerPoolTest {

    private static Sequential model() {
        return Sequential.builder(1, 8, 8).conv2d(2, 3, Padding.SAME).activation(Activation.RELU).maxPool(2)
                .flatten().dense(4).build(1);
    }

    @Test
    void everyWorkerRunsOncePerRoundAndFailuresReachTheCaller() {
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        try (WorkerPool pool = new WorkerPool(model(), 3, 4, KernelMode.SCALAR)) {
            for (int round = 0; round < 50; round++) {
                pool.forEach(runs::incrementAndGet);
            }
            assertThatThrownBy(() -> pool.forEach(t -> {
                if (t == 2) {
                    throw new IllegalStateException("boom in worker " + t);
                }
            })).hasMessage("boom in worker 2");
            pool.forEach(runs::incrementAndGet);  // still usable after a failure
        }
        for (int t = 0; t < 3; t++) {
            assertThat(runs.get(t)).isEqualTo(51);
        }
    }

    @Test
    void closeStopsTheHelperThreads() throws Exception {
        WorkerPool pool = new WorkerPool(model(), 3, 4, KernelMode.SCALAR);
        java.util.List<Thread> helpers = new java.util.concurrent.CopyOnWriteArrayList<>();
        pool.forEach(t -> {
            if (t > 0) {
                helpers.add(Thread.currentThread());
            }
        });
        assertThat(helpers).hasSize(2).allMatch(Thread::isAlive).noneMatch(th -> th == Thread.currentThread());
        pool.close();
        assertThat(helpers).noneMatch(Thread::isAlive);
        assertThatThrownBy(() -> pool.forEach(t -> { })).hasMessage("worker pool is closed");
    }

    @Test
    void steadyStateForwardBackwardAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Worker worker = new Worker(model(), 16, KernelMode.SCALAR);
        worker.setLabels(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3});
        worker.forwardBackward(16, 16);  // warm-up
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 20; i++) {
            worker.forwardBackward(16, 16);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).as("bytes allocated by 20 steps").isLessThan(1024);
    }
}
