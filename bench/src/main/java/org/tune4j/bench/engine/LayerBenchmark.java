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
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Conv2D;
import org.tune4j.engine.layer.ConvAlgorithm;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.layer.LayerState;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.engine.model.Sequential;

/**
 * One layer of the tutorial network, forward and backward, on one worker's slice of a batch of
 * 128 split over 2 threads (64 images), single-threaded: where a training step spends its time.
 * Layers by position in the default network (1 dense x 16, relu): conv1 (1x28x28 -> 16x28x28),
 * relu1, pool1 (-> 16x14x14), conv2 (-> 36x14x14), relu2, pool2 (-> 36x7x7), dense1 (1764 -> 16);
 * dense512 is a 512 -> 512 dense layer of the largest point (5 x 512).
 *
 * <p>Scores are microseconds per call on 64 images; divide by 64 for the cost per image. conv1's
 * backward computes no input gradient, as in training (it is the first layer).
 * Backward runs on the state of a forward done in setup (the layers keep what backward needs in
 * their state), so it is measured alone.
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -jar bench/target/benchmarks.jar LayerBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * java -jar bench/target/benchmarks.jar LayerBenchmark -p layer=conv2,pool1 -p kernels=simd
 * java -jar bench/target/benchmarks.jar LayerBenchmark -p layer=conv1,conv2 -p conv=fastest,im2col,indirect_taps
 * </pre>
 * {@code conv} names the convolution algorithm of the conv layers ({@code ConvAlgorithm}, any case;
 * {@code fastest} is the one the layer picks itself); other layers ignore it.
 * Extra JVM flags on the command line replace the annotation's, so repeat the module:
 * {@code -jvmArgsAppend "--add-modules jdk.incubator.vector -XX:StartFlightRecording=filename=x.jfr"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class LayerBenchmark {

    /** Images per call: one worker's half of a batch of 128. */
    static final int SLICE = 64;

    @Param({"conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "dense1", "dense512"})
    public String layer;

    @Param({"simd"})
    public String kernels;

    @Param({"fastest"})
    public String conv;

    private Layer subject;
    private LayerState state;
    private float[] params;
    private float[] dParams;
    private int pOff;
    private float[] input;
    private float[] out;
    private float[] dOut;
    private float[] dInput;

    @Setup
    public void setup() {
        Sequential model;
        int index;
        if (layer.equals("dense512")) {
            model = NetworkSpec.tutorial(5, 512, Activation.RELU).build(1);
            index = 9;  // conv, relu, pool, conv, relu, pool, flatten, dense 1764->512, relu, dense 512->512
        } else {
            model = NetworkSpec.tutorial(1, 16, Activation.RELU).build(1);
            index = switch (layer) {
                case "conv1" -> 0;
                case "relu1" -> 1;
                case "pool1" -> 2;
                case "conv2" -> 3;
                case "relu2" -> 4;
                case "pool2" -> 5;
                case "dense1" -> 7;
                default -> throw new IllegalArgumentException("unknown layer " + layer);
            };
        }
        subject = model.layers().get(index);
        if (subject instanceof Conv2D c && !conv.equalsIgnoreCase("fastest")) {
            subject = new Conv2D(c.inputShape(), c.filters(), c.kernelSize(), c.stride(), c.padding(),
                    ConvAlgorithm.valueOf(conv.toUpperCase()));
        }
        state = subject.newState(SLICE, Kernels.matMul(KernelMode.valueOf(kernels.toUpperCase())));
        params = model.parameters();
        pOff = model.parameterOffset(index);
        dParams = new float[params.length];
        SplittableRandom rnd = new SplittableRandom(7);
        input = random(rnd, SLICE * subject.inputShape().size());
        out = new float[SLICE * subject.outputShape().size()];
        dOut = random(rnd, out.length);
        dInput = index == 0 ? null : new float[input.length];  // as in training: no input gradient for the first layer
        subject.forward(state, params, pOff, input, out, SLICE);
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    @Benchmark
    public float[] forward() {
        subject.forward(state, params, pOff, input, out, SLICE);
        return out;
    }

    @Benchmark
    public void backward(Blackhole bh) {
        subject.backward(state, params, dParams, pOff, input, out, dOut, dInput, SLICE);
        bh.consume(dParams);
        bh.consume(dInput);
    }
}
