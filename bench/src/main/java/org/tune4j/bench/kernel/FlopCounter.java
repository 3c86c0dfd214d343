package org.tune4j.bench.kernel;

import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Counts floating-point operations; JMH reports the count per second as the secondary score
 * {@code flop}, which {@code bench/jmh-flops.py} reads as FLOP/s. Shared by the kernel benchmarks.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FlopCounter {
    public long flop;

    /** Operands for the kernel benchmarks: {@code size} floats uniform in [-1, 1). */
    static float[] uniform(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
