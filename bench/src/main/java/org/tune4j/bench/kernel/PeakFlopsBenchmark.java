package org.tune4j.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's single-thread FP32 peak as Java reaches it: twelve independent FMA chains on
 * {@code FloatVector.SPECIES_PREFERRED} registers, no memory traffic. Twelve chains cover an FMA
 * latency of 4 cycles on two FMA pipes with room to spare. The secondary score {@code flop} is
 * FLOP/s (each lane of each FMA is 2 FLOP); kernels are reported as a fraction of it.
 *
 * <p>Unlike the other benchmarks this one loops inside the measured method: the loop is the
 * workload (a fixed count of dependent FMA rounds, counted in {@code flop}), and its result is
 * returned so nothing is eliminated. The multipliers come from a state object,
 * so the JIT cannot fold them.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar PeakFlopsBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s}
 * (add {@code -t 2} for both cores).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PeakFlopsBenchmark {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int ROUNDS = 4096;
    private static final int CHAINS = 12;

    /** Multiplier and addend near 1 and 0 so the chains neither overflow nor underflow. */
    @State(Scope.Thread)
    public static class Operands {
        float scale = 0.999999f;
        float shift = 1e-7f;
    }

    @Benchmark
    public FloatVector fmaChains(Operands s, FlopCounter counter) {
        FloatVector x = FloatVector.broadcast(S, s.scale);
        FloatVector y = FloatVector.broadcast(S, s.shift);
        FloatVector a0 = y, a1 = y.add(y), a2 = a1.add(y), a3 = a2.add(y), a4 = a3.add(y), a5 = a4.add(y);
        FloatVector a6 = a5.add(y), a7 = a6.add(y), a8 = a7.add(y), a9 = a8.add(y), a10 = a9.add(y), a11 = a10.add(y);
        for (int r = 0; r < ROUNDS; r++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        counter.flop += 2L * CHAINS * ROUNDS * S.length();
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
    }
}
