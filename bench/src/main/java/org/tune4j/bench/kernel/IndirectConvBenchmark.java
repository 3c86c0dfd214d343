package org.tune4j.bench.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
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
import org.tune4j.engine.kernel.IndirectKernels;
import org.tune4j.engine.kernel.IndirectMatMul;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;

/**
 * The products the training step really runs for the tutorial's convolutions: the indirect
 * (im2col-free) kernels of {@code IndirectConv}, per image as the layer calls them, on its padded
 * grids (row stride W + 2 for the 5 x 5 "same" kernels; 28 x 30 and 14 x 16 grids, rounded up
 * to 16 columns).
 *
 * <p>The secondary score {@code flop} counts only the useful operations, 2 * m * k * pixels per
 * image (pixels = H * W, not the computed padded columns), so that its ratio to
 * {@link PeakFlopsBenchmark} is the fraction of the peak the convolution gets, overheads included.
 * <pre>
 * java -jar bench/target/benchmarks.jar "PeakFlopsBenchmark|IndirectConvBenchmark" -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff conv.json
 * python3 bench/jmh-flops.py conv.json
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class IndirectConvBenchmark {

    /** A convolution pass: m rows of output, taps of the table, on a cin x H x W image with a K x K kernel. */
    public enum Pass {
        /** conv1 forward: W(16 x 1*25) · xp[taps + j], 28 x 28 image. */
        conv1_fwd(false, 1, 16, 28, 5),
        /** conv1 backward-weights over a chunk of 8 images: dyw(16 x cols) · xp[taps + j]ᵀ. */
        conv1_bwd_weights(true, 1, 16, 28, 5),
        /** conv2 forward: W(36 x 16*25) · xp[taps + j], 14 x 14 image. */
        conv2_fwd(false, 16, 36, 14, 5),
        /** conv2 backward-data (transposed conv): Wflip(16 x 36*25) · dyq[flips + j]. */
        conv2_bwd_data(false, 36, 16, 14, 5),
        /** conv2 backward-weights over a chunk of 8 images: dyw(36 x cols) · xp[taps + j]ᵀ. */
        conv2_bwd_weights(true, 16, 36, 14, 5);

        static final int CHUNK = 8;
        final boolean weights;
        final int in;    // channels read through the table
        final int out;   // rows of the result
        final int size;  // H = W
        final int k;

        Pass(boolean weights, int in, int out, int size, int k) {
            this.weights = weights;
            this.in = in;
            this.out = out;
            this.size = size;
            this.k = k;
        }

        int wp() {
            return size + (k - 1) / 2 + (k - 1) % 2;  // W + max(padLeft, padRight)
        }

        int grid() {
            return (size + k - 1) * wp();
        }

        int cols() {
            return (size * wp() + 15) / 16 * 16;
        }

        int images() {
            return weights ? CHUNK : 1;
        }

        long flop() {
            return 2L * in * k * k * out * size * size * images();
        }
    }

    @State(Scope.Thread)
    public static class Operands {
        @Param
        Pass pass;

        @Param({"simd"})
        String kernel;

        IndirectMatMul matMul;
        int[] taps;
        float[] weights;   // (out, in*K*K)
        float[] grid;      // images() padded grids, + slack
        float[] result;    // (out, cols) or (out, in*K*K)
        float[] gradient;  // (CHUNK, out, cols) for backward-weights

        @Setup(Level.Trial)
        public void setUp() {
            KernelMode mode = KernelMode.valueOf(kernel.toUpperCase(java.util.Locale.ROOT));
            if (mode == KernelMode.SIMD && !Kernels.simdAvailable()) {
                throw new IllegalStateException("asked for simd but " + Kernels.simdStatus());
            }
            matMul = IndirectKernels.forMode(mode);
            int kk = pass.k * pass.k;
            taps = new int[pass.in * kk];
            int r = 0;
            for (int c = 0; c < pass.in; c++) {
                for (int ky = 0; ky < pass.k; ky++) {
                    for (int kx = 0; kx < pass.k; kx++) {
                        taps[r++] = c * pass.grid() + ky * pass.wp() + kx;
                    }
                }
            }
            SplittableRandom rnd = new SplittableRandom(42);
            int slack = (pass.k - 1) * pass.wp() + pass.k + pass.cols();
            weights = random(rnd, pass.out * pass.in * kk);
            grid = random(rnd, pass.images() * pass.in * pass.grid() + slack);
            gradient = random(rnd, Pass.CHUNK * pass.out * pass.cols());
            result = new float[pass.out * Math.max(pass.cols(), pass.in * kk)];
        }

        private static float[] random(SplittableRandom rnd, int size) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) {
                x[i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            return x;
        }
    }

    /** Counts useful floating-point operations; JMH reports them per second as the "flop" score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class FlopCounter {
        public long flop;
    }

    @Benchmark
    public float[] product(Operands s, FlopCounter counter) {
        Pass p = s.pass;
        int patch = p.in * p.k * p.k;
        if (p.weights) {
            s.matMul.abt(s.gradient, 0, p.out * p.cols(), s.grid, 0, p.in * p.grid(), s.taps,
                    s.result, 0, p.out, p.cols(), patch, Pass.CHUNK);
        } else {
            s.matMul.ab(s.weights, 0, s.grid, 0, s.taps, s.result, 0, p.out, patch, p.cols(), false);
        }
        counter.flop += p.flop();
        return s.result;
    }
}
