package org.tune4j.bench.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.kernel.MatMul;

/**
 * Matrix products on the shapes the tutorial network produces for one worker's slice of a
 * mini-batch (batch 128 split over 2 workers: 64 images), the per-image conv products (Conv2D
 * multiplies one image at a time), plus a square reference size.
 *
 * <p>The primary score is calls per second; the secondary score {@code flop} counts 2mkn
 * floating-point operations per call, so it reads directly as FLOP/s. Divide by the
 * {@link PeakFlopsBenchmark} result from the same run for the fraction of peak.
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -jar bench/target/benchmarks.jar MatMulBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff matmul.json
 * java -jar bench/target/benchmarks.jar MatMulBenchmark -p kernel=simd -p shape=conv2_fwd,square512
 * python3 bench/jmh-flops.py matmul.json peak.json     # GFLOP/s median (min-max) and % of peak
 * </pre>
 * The forked JVMs get {@code --add-modules jdk.incubator.vector}; any JVM can host the runner.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatMulBenchmark {

    /** Which product (ab, atb, abt) on which m, k, n: the layer pass it comes from. */
    public enum Shape {
        /** conv1 forward, whole slice: W(16 x 25) · col(25 x 64*784). */
        conv1_fwd(Product.AB, 16, 25, 64 * 784),
        /** conv1 forward, one image (as Conv2D loops): W(16 x 25) · col(25 x 784). */
        conv1_fwd_img(Product.AB, 16, 25, 784),
        /** conv1 backward-weights, whole slice: dOut(16 x 64*784) · col(25 x 64*784)ᵀ. */
        conv1_bwd_weights(Product.ABT, 16, 64 * 784, 25),
        /** conv2 forward, whole slice: W(36 x 400) · col(400 x 64*196). */
        conv2_fwd(Product.AB, 36, 400, 64 * 196),
        /** conv2 forward, one image: W(36 x 400) · col(400 x 196). */
        conv2_fwd_img(Product.AB, 36, 400, 196),
        /** conv2 backward-weights, whole slice: dOut(36 x 64*196) · col(400 x 64*196)ᵀ. */
        conv2_bwd_weights(Product.ABT, 36, 64 * 196, 400),
        /** conv2 backward-weights, one image: dOut(36 x 196) · col(400 x 196)ᵀ. */
        conv2_bwd_weights_img(Product.ABT, 36, 196, 400),
        /** conv2 backward-data, whole slice: Wᵀ(400 x 36) · dOut(36 x 64*196), W stored (36 x 400). */
        conv2_bwd_data(Product.ATB, 400, 36, 64 * 196),
        /** conv2 backward-data, one image: Wᵀ(400 x 36) · dOut(36 x 196). */
        conv2_bwd_data_img(Product.ATB, 400, 36, 196),
        /** dense forward (1764 -> 512): in(64 x 1764) · W(1764 x 512). */
        dense_fwd(Product.AB, 64, 1764, 512),
        /** dense backward-weights: inᵀ(1764 x 64) · dOut(64 x 512), in stored (64 x 1764). */
        dense_bwd_weights(Product.ATB, 1764, 64, 512),
        /** dense backward-data: dOut(64 x 512) · W(1764 x 512)ᵀ. */
        dense_bwd_data(Product.ABT, 64, 512, 1764),
        /** default point's dense forward (1764 -> 16): in(64 x 1764) · W(1764 x 16). */
        dense16_fwd(Product.AB, 64, 1764, 16),
        /** its backward-weights: inᵀ(1764 x 64) · dOut(64 x 16). */
        dense16_bwd_weights(Product.ATB, 1764, 64, 16),
        /** its backward-data: dOut(64 x 16) · W(1764 x 16)ᵀ (k = 16: Bᵀ copied, then ab). */
        dense16_bwd_data(Product.ABT, 64, 16, 1764),
        /** square reference. */
        square512(Product.AB, 512, 512, 512);

        final Product product;
        final int m;
        final int k;
        final int n;

        Shape(Product product, int m, int k, int n) {
            this.product = product;
            this.m = m;
            this.k = k;
            this.n = n;
        }

        long flop() {
            return 2L * m * k * n;
        }
    }

    enum Product { AB, ATB, ABT }

    /** Operands of one shape, filled once per trial, outside the measurement. */
    @State(Scope.Thread)
    public static class Operands {
        @Param
        Shape shape;

        @Param({"scalar", "simd"})
        String kernel;

        MatMul matMul;
        float[] a;
        float[] b;
        float[] c;

        @Setup(Level.Trial)
        public void setUp() {
            KernelMode mode = KernelMode.valueOf(kernel.toUpperCase(java.util.Locale.ROOT));
            if (mode == KernelMode.SIMD && !Kernels.simdAvailable()) {
                throw new IllegalStateException("asked for simd but " + Kernels.simdStatus());
            }
            matMul = Kernels.matMul(mode);
            SplittableRandom rnd = new SplittableRandom(42);
            a = FlopCounter.uniform(rnd, shape.m * shape.k);
            b = FlopCounter.uniform(rnd, shape.k * shape.n);
            c = new float[shape.m * shape.n];
        }
    }

    @Benchmark
    public float[] product(Operands s, FlopCounter counter) {
        Shape shape = s.shape;
        switch (shape.product) {
            case AB -> s.matMul.ab(s.a, 0, s.b, 0, s.c, 0, shape.m, shape.k, shape.n, false);
            case ATB -> s.matMul.atb(s.a, 0, s.b, 0, s.c, 0, shape.m, shape.k, shape.n, false);
            case ABT -> s.matMul.abt(s.a, 0, s.b, 0, s.c, 0, shape.m, shape.k, shape.n, false);
        }
        counter.flop += shape.flop();
        return s.c;
    }
}
