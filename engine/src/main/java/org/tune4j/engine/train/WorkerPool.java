package org.tune4j.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.tensor.Shape;

/**
 * A fixed set of {@link Worker}s over one model and, with more than one, a fixed thread pool that
 * runs a task on every worker at once. Created per fit or evaluation and closed at its end; with
 * one thread, tasks run on the caller's thread.
 */
final class WorkerPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Worker[] workers;
    private final ExecutorService executor;  // null with one worker

    WorkerPool(Sequential model, int threads, int capacityPerWorker, KernelMode kernels) {
        workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(model, capacityPerWorker, kernels);
        }
        if (threads == 1) {
            executor = null;
        } else {
            int pool = POOLS.incrementAndGet();
            AtomicInteger next = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread thread = new Thread(r, "tune4j-pool" + pool + "-worker" + next.getAndIncrement());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    int size() { return workers.length; }

    Worker worker(int t) { return workers[t]; }

    /** Runs task(t) for every worker index t, concurrently, and waits for all; rethrows the first failure in worker order. */
    void forEach(IntConsumer task) {
        if (executor == null) {
            task.accept(0);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(workers.length);
        for (int t = 0; t < workers.length; t++) {
            int index = t;
            futures.add(executor.submit(() -> task.accept(index)));
        }
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted while waiting for workers", e);
            } catch (ExecutionException e) {
                failure = failure != null ? failure : asRuntime(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException asRuntime(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("worker failed", cause);
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

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
