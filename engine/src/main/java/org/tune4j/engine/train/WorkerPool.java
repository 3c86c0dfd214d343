package org.tune4j.engine.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.tensor.Shape;

/**
 * A fixed set of {@link Worker}s over one model, run in lock step: {@link #forEach} runs a task
 * for every worker at once, worker 0 on the calling thread and each other worker on its own
 * helper thread, and returns when all are done. Created per fit or evaluation and closed at its
 * end. A round allocates nothing: the caller publishes the task and bumps a round counter, the
 * helpers spin briefly and then park until they see the new round; the last helper to finish
 * unparks the caller. (A {@link java.util.concurrent.Phaser} allocates a wait node whenever a
 * party blocks, which is every round.)
 */
final class WorkerPool implements AutoCloseable {

    private final Worker[] workers;
    private final Thread[] helpers;           // helpers[t - 1] runs worker t
    private final Throwable[] failures;       // (workers): what each worker threw this round
    private final AtomicInteger pending = new AtomicInteger();  // helpers still running this round
    private volatile int round;               // bumped by the caller to start a round
    private volatile IntConsumer task;
    private volatile boolean closed;
    private volatile Thread caller;           // the thread waiting in forEach

    /** Busy-wait iterations before parking: a round's slices end within microseconds of each other. */
    private static final int SPINS = 1 << 14;

    WorkerPool(Sequential model, int threads, int capacityPerWorker, KernelMode kernels) {
        workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(model, capacityPerWorker, kernels);
        }
        failures = new Throwable[threads];
        helpers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int index = t;
            helpers[t - 1] = new Thread(() -> helperLoop(index), "tune4j-worker-" + t);
            helpers[t - 1].setDaemon(true);
            helpers[t - 1].start();
        }
    }

    int size() { return workers.length; }

    Worker worker(int t) { return workers[t]; }

    /** Runs task(t) for every worker index t concurrently and waits for all; rethrows the first failure in worker order. */
    void forEach(IntConsumer work) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        task = work;
        caller = Thread.currentThread();
        pending.set(helpers.length);
        round++;                        // start: helpers see the task (volatile write after it)
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        run(0);
        for (int spin = 0; pending.get() > 0; spin++) {  // end: every helper has finished
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        task = null;
        for (int t = 0; t < failures.length; t++) {
            Throwable failure = failures[t];
            if (failure != null) {
                java.util.Arrays.fill(failures, null);
                if (failure instanceof RuntimeException r) {
                    throw r;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException("worker " + t + " failed", failure);
            }
        }
    }

    private void helperLoop(int t) {
        int seen = 0;
        while (true) {
            for (int spin = 0; round == seen && !closed; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = round;
            run(t);
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void run(int t) {
        try {
            task.accept(t);
        } catch (Throwable e) {
            failures[t] = e;
        }
    }

    /** Fails unless the data fit the model: same image shape, same number of classes. */
    static void checkCompatible(Sequential model, LabeledImages data, String what) {
        Shape image = Shape.of(data.channels(), data.height(), data.width());
        if (!model.inputShape().equals(image)) {
            throw new IllegalArgumentException(what + " images are " + image + " but the model expects " + model.inputShape());
        }
        if (model.outputShape().size() != data.classes()) {
            throw new IllegalArgumentException(what + " has " + data.classes() + " classes but the model outputs "
                    + model.outputShape().size());
        }
    }

    /** Stops the helper threads and waits for them to exit. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);  // a parked helper wakes, sees closed and returns
        }
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
