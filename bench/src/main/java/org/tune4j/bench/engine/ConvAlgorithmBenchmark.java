package org.tune4j.bench.engine;

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
import org.openjdk.jmh.infra.Blackhole;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.layer.Conv2D;
import org.tune4j.engine.layer.ConvAlgorithm;
import org.tune4j.engine.layer.LayerState;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.tensor.Shape;

/**
 * The tutorial's two 5 x 5 convolutions on each algorithm that computes them, side by side:
 * {@code conv1} (1x28x28 -> 16x28x28) and {@code conv2} (16x14x14 -> 36x14x14), "same" padding,
 * on one worker's 64-image slice of a batch of 128 over 2 threads, single-threaded. Three scores
 * per algorithm: {@code forward}, {@code backward} (weight and bias gradients and, except for
 * conv1, the input gradient, as in training) and {@code step} (both). Microseconds per call on 64
 * images. Issue 13's lever "fewer multiplications for conv2": Winograd F(2x2, 5x5) does 36
 * multiplications per 2 x 2 output tile and channel pair instead of 100, F(4x4, 5x5) 64 per 4 x 4
 * instead of 400, plus the transforms.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar ConvAlgorithmBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * java -jar bench/target/benchmarks.jar ConvAlgorithmBenchmark -p layer=conv2 -p conv=indirect_channels,winograd
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ConvAlgorithmBenchmark {

    /** Images per call: one worker's half of a batch of 128. */
    static final int SLICE = 64;

    @Param({"conv1", "conv2"})
    public String layer;

    /** A {@link ConvAlgorithm} name (any case), or fastest: the one the layer picks itself. */
    @Param({"fastest", "im2col", "winograd", "winograd_4x4"})
    public String conv;

    @Param({"simd"})
    public String kernels;

    private Conv2D subject;
    private LayerState state;
    private float[] params;
    private float[] dParams;
    private float[] input;
    private float[] out;
    private float[] dOut;
    private float[] dInput;

    @Setup
    public void setup() {
        Shape in = layer.equals("conv1") ? Shape.of(1, 28, 28) : Shape.of(16, 14, 14);
        int filters = layer.equals("conv1") ? 16 : 36;
        ConvAlgorithm algorithm = conv.equalsIgnoreCase("fastest") ? null : ConvAlgorithm.valueOf(conv.toUpperCase());
        subject = new Conv2D(in, filters, 5, 1, Padding.SAME, algorithm);
        state = subject.newState(SLICE, Kernels.matMul(KernelMode.valueOf(kernels.toUpperCase())));
        SplittableRandom rnd = new SplittableRandom(7);
        params = random(rnd, subject.parameterCount(), 0.1);
        dParams = new float[params.length];
        input = random(rnd, SLICE * in.size(), 1);
        out = new float[SLICE * subject.outputShape().size()];
        dOut = random(rnd, out.length, 1);
        dInput = layer.equals("conv1") ? null : new float[input.length];  // as in training
        subject.forward(state, params, 0, input, out, SLICE);
    }

    private static float[] random(SplittableRandom rnd, int size, double scale) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (scale * (rnd.nextDouble() * 2 - 1));
        }
        return x;
    }

    @Benchmark
    public float[] forward() {
        subject.forward(state, params, 0, input, out, SLICE);
        return out;
    }

    @Benchmark
    public void backward(Blackhole bh) {
        subject.backward(state, params, dParams, 0, input, out, dOut, dInput, SLICE);
        bh.consume(dParams);
        bh.consume(dInput);
    }

    @Benchmark
    public void step(Blackhole bh) {
        subject.forward(state, params, 0, input, out, SLICE);
        subject.backward(state, params, dParams, 0, input, out, dOut, dInput, SLICE);
        bh.consume(dParams);
        bh.consume(dInput);
    }
}
