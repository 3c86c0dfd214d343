package org.tune4j.bench.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tune4j.engine.kernel.ElementwiseKernels;
import org.tune4j.engine.kernel.ElementwiseOps;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;

/**
 * Sigmoid and tanh forward over conv1's output for one worker's 64-image slice (64 x 16 x 28 x 28
 * = 802,816 floats, the largest activation of the tutorial network), on the scalar specification
 * (Math.exp / Math.tanh in double per element) and the SIMD kernels (a float polynomial exp on the
 * Vector API, within 4 ulp). Microseconds per call; issue 13's lever "sigmoid and tanh in SIMD".
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar ActivationBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ActivationBenchmark {

    static final int SIZE = 64 * 16 * 28 * 28;

    @Param({"scalar", "simd"})
    public String kernels;

    private ElementwiseOps ops;
    private float[] x;
    private float[] y;

    @Setup
    public void setup() {
        ops = ElementwiseKernels.like(Kernels.matMul(KernelMode.valueOf(kernels.toUpperCase())));
        SplittableRandom rnd = new SplittableRandom(7);
        x = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = (float) (rnd.nextDouble() * 8 - 4);
        }
        y = new float[SIZE];
    }

    @Benchmark
    public float[] sigmoid() {
        ops.sigmoid(x, y, SIZE);
        return y;
    }

    @Benchmark
    public float[] tanh() {
        ops.tanh(x, y, SIZE);
        return y;
    }
}
