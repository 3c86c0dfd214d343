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
import org.tune4j.engine.kernel.IndirectKernels;
import org.tune4j.engine.kernel.IndirectMatMul;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;

/**
 * The products the training step really runs for the tutorial's convolutions: the indirect
 * (im2col-free) kernels of {@code IndirectConvByTaps} and {@code IndirectConvByChannels}, per image
 * as the layer calls them, on its padded grids (row stride W + 2 for the 5 x 5 "same" kernels;
 * 28 x 30 and 14 x 16 grids, rounded up to 16 columns).
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
        conv1_fwd(Form.AB, 1, 16, 28, 5),
        /** conv1 backward-weights: dWᵀ(25 x 16) += xp[taps + j] · dyT(cols x 16). */
        conv1_bwd_weights(Form.TAB, 1, 16, 28, 5),
        /** conv2 forward: W(36 x 16*25) · xp[taps + j], 14 x 14 image. */
        conv2_fwd(Form.AB, 16, 36, 14, 5),
        /** conv2 backward-data (transposed conv): Wflip(16 x 36*25) · dyq[flips + j]. */
        conv2_bwd_data(Form.AB, 36, 16, 14, 5),
        /** conv2 backward-weights: dWᵀ(400 x 48) += xp[taps + j] · dyT(cols x 48), 36 channels padded to 48. */
        conv2_bwd_weights(Form.TAB, 16, 36, 14, 5),
        /**
         * conv2 backward-weights as the layer runs it (K * Cin = 80, a multiple of 16): per kernel row ky,
         * dWh_ky(36 x 80) += dOut(36 x 196) · xh[pix + ky*Wp*16], the image channels-last.
         */
        conv2_bwd_weights_channels(Form.CHANNELS, 16, 36, 14, 5);

        final Form form;
        final boolean weights;
        final int in;    // channels read through the table
        final int out;   // rows of the result
        final int size;  // H = W
        final int k;

        Pass(Form form, int in, int out, int size, int k) {
            this.form = form;
            this.weights = form != Form.AB;
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

        int outPad() {
            return (out + 15) / 16 * 16;
        }

        long flop() {
            return 2L * in * k * k * out * size * size;
        }
    }

    /**
     * Which product: forward-style ab, the weight gradient as tab (output channels along the
     * vectors), or as ab on the channels-last image (input channels along the vectors).
     */
    enum Form { AB, TAB, CHANNELS }

    @State(Scope.Thread)
    public static class Operands {
        @Param
        Pass pass;

        @Param({"simd"})
        String kernel;

        IndirectMatMul matMul;
        int[] taps;
        float[] weights;   // (out, in*K*K)
        float[] grid;      // one padded image, + slack
        float[] result;    // (out, cols) or (out, in*K*K)
        float[] gradient;  // (cols, outPad): dOut transposed, for backward-weights
        float[] gridLast;  // CHANNELS: the padded image channels-last, (grid + K) x in
        int[] pixelRows;   // CHANNELS: (oy*Wp + ox) * in for each real pixel

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
            weights = FlopCounter.uniform(rnd, pass.out * pass.in * kk);
            grid = FlopCounter.uniform(rnd, pass.in * pass.grid() + slack);
            gradient = FlopCounter.uniform(rnd, pass.outPad() * pass.cols());
            result = new float[pass.outPad() * Math.max(pass.cols(), pass.in * kk)];
            gridLast = FlopCounter.uniform(rnd, (pass.grid() + pass.k) * pass.in);
            pixelRows = new int[pass.size * pass.size];
            for (int oy = 0; oy < pass.size; oy++) {
                for (int ox = 0; ox < pass.size; ox++) {
                    pixelRows[oy * pass.size + ox] = (oy * pass.wp() + ox) * pass.in;
                }
            }
        }
    }

    @Benchmark
    public float[] product(Operands s, FlopCounter counter) {
        Pass p = s.pass;
        int patch = p.in * p.k * p.k;
        switch (p.form) {
            case AB -> s.matMul.ab(s.weights, 0, s.grid, 0, s.taps, s.result, 0, p.out, patch, p.cols(), false);
            case TAB -> s.matMul.tab(s.grid, 0, s.taps, s.gradient, 0, s.result, 0, patch, p.cols(), p.outPad());
            case CHANNELS -> {
                int row = p.k * p.in;
                for (int ky = 0; ky < p.k; ky++) {
                    s.matMul.ab(s.gradient, 0, s.gridLast, ky * p.wp() * p.in, s.pixelRows, s.result, ky * p.out * row,
                            p.out, p.size * p.size, row, true);
                }
            }
        }
        counter.flop += p.flop();
        return s.result;
    }
}
