package org.tune4j.engine.train;

import java.util.List;
import java.util.Locale;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.tensor.Shape;

/**
 * An estimate of the heap a training run needs, made from the layers' shapes before anything of
 * that size is allocated, so that a network that cannot be trained within memory is refused with
 * a message (a failed trial in a study) instead of an {@link OutOfMemoryError} half-way through
 * building it. It counts what {@link Trainer} allocates, in float32:
 * <ul>
 *   <li>the parameters, the optimizer's state (two moments, as Adam) and, with several workers, the
 *       summed gradient: {@code P x (3 + [threads > 1])};</li>
 *   <li>each worker's gradient: {@code threads x P};</li>
 *   <li>each worker's activations, their gradients and the layers' scratch buffers, taken as three
 *       copies of every layer output plus the input: {@code threads x capacity x (input + 3 x sum of
 *       outputs)}, where capacity is the worker's share of a batch.</li>
 * </ul>
 * An estimate, not an accounting: it errs on the large side and is compared with the heap still
 * free. Not a limit on single layers: see {@code layer.LayerLimits}.
 */
public final class TrainingMemory {
    private TrainingMemory() {
    }

    /** The estimated bytes of training {@code layers} (taking {@code input}) in batches of {@code batch} on {@code threads}. */
    public static long estimateBytes(Shape input, List<Layer> layers, int batch, int threads) {
        long parameters = 0;
        long values = input.size();
        for (Layer layer : layers) {
            parameters += layer.parameterCount();
            values += 3L * layer.outputShape().size();
        }
        long capacity = ((long) batch + threads - 1) / threads;
        long floats = parameters * (3 + threads + (threads > 1 ? 1 : 0)) + threads * capacity * values;
        return 4 * floats;
    }

    /**
     * Refuses a run whose estimate exceeds the heap this JVM can still use (its maximum less what is
     * in use, after one garbage collection when the first look says no).
     *
     * @throws IllegalArgumentException naming the estimate, the heap left and the JVM's maximum
     */
    public static void require(Shape input, List<Layer> layers, int batch, int threads) {
        long needed = estimateBytes(input, layers, batch, threads);
        if (needed <= available()) {
            return;
        }
        System.gc();  // only near the limit: what is in use may be garbage of an earlier trial
        long available = available();
        if (needed > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the network cannot be trained within memory: "
                    + "training it in batches of %d on %d thread%s needs an estimated %,d MB, but this JVM has %,d MB "
                    + "left of at most %,d MB (a smaller network or batch, or more heap with TUNE4J_JAVA_OPTS=-Xmx<size>)",
                    batch, threads, threads == 1 ? "" : "s", needed >> 20, available >> 20,
                    Runtime.getRuntime().maxMemory() >> 20));
        }
    }

    private static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
}
