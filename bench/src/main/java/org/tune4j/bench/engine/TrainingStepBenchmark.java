package org.tune4j.bench.engine;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.Adam;
import org.tune4j.engine.train.TrainingStep;

/**
 * One full training step of the tutorial network at batch 128: forward and backward split over
 * the worker threads, gradient sum, Adam update. The score is training images per second
 * (128 images per operation), directly comparable with the PyTorch reference's figure.
 *
 * <p>Points: the default (1 dense layer of 16, relu) and the largest of the search (5 x 512).
 * Data: 2,560 random 28x28 images with random labels (speed does not depend on the values),
 * walked batch by batch. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes
 * allocated per image: the step allocates nothing, so it reads ~0.
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -jar bench/target/benchmarks.jar TrainingStepBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * java -jar bench/target/benchmarks.jar TrainingStepBenchmark -p point=1x16 -p threads=2 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class TrainingStepBenchmark {

    static final int BATCH = 128;
    static final int IMAGES = 20 * BATCH;

    /** Dense layers x nodes. */
    @Param({"1x16", "5x512"})
    public String point;

    @Param({"1", "2"})
    public int threads;

    @Param({"simd"})
    public String kernels;

    private LabeledImages data;
    private int[] order;
    private TrainingStep step;
    private int cursor;

    @Setup(Level.Trial)
    public void setup() {
        String[] parts = point.split("x");
        Sequential model = NetworkSpec.tutorial(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Activation.RELU)
                .build(1);
        SplittableRandom rnd = new SplittableRandom(11);
        float[] pixels = new float[IMAGES * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) rnd.nextDouble();
        }
        int[] labels = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = rnd.nextInt(10);
        }
        data = new LabeledImages(pixels, labels, IMAGES, 1, 28, 28,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        order = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            order[i] = i;
        }
        step = new TrainingStep(model, new Adam(1e-3), BATCH, threads, KernelMode.valueOf(kernels.toUpperCase()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        step.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double step() {
        double loss = step.forwardBackward(data, order, cursor, BATCH);
        step.update();
        cursor = (cursor + BATCH) % IMAGES;
        return loss;
    }
}
