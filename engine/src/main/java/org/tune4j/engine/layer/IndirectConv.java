package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.IndirectKernels;
import org.tune4j.engine.kernel.IndirectMatMul;
import org.tune4j.engine.kernel.MatMul;

/**
 * The stride-1, "same"-padded case of {@link Conv2D} computed without an im2col matrix (the
 * indirect convolution of Dukhan 2019, see {@link IndirectMatMul}).
 *
 * <p>Each input image is copied once into a zero-padded grid xp (Cin, Hp, Wp), Hp = H + K - 1,
 * with the image at (padTop, padLeft). Output pixel (oy, ox) becomes column j = oy * Wp + ox of a
 * "padded-width" grid, and kernel tap (c, ky, kx) reads xp from offset
 * {@code tap(c, ky, kx) = c*Hp*Wp + ky*Wp + kx}: the im2col row is xp[tap + j]. Columns with
 * ox &gt;= W (and past H*Wp, up to {@link #cols}, a multiple of 16 so SIMD vectors are full) are
 * computed and thrown away; that costs Wp/W more multiply-adds and saves every copy.
 *
 * <p>Wp = W + max(padLeft, padRight), not W + K - 1: the zeros after one row are also the zeros
 * before the next, since a tap reaches at most padRight past a row's end or padLeft before its
 * start. For the tutorial's conv2 (14 x 14, K = 5) that is 16 columns per row instead of 18, and
 * 224 computed columns per 196 pixels instead of 256.
 *
 * <pre>
 *   y(Cout x cols)   = W(Cout x K)  · xp[tap + j]              (ab; out = y on the image + bias)
 *   dWᵀ(K x Cp)     += Σ_images xp[tap + j] · dyT(cols x Cp)     (tab; dyT = dOut on the grid, transposed:
 *                                                                 channels along rows, 0 off the image)
 *   db(Cout)        += Σ_images Σ_j dyT(j, ·)                  (column sums)
 *   dx(Cin x cols)   = Wflip(Cin x Cout*K*K) · dyq[flip + j]    (ab; the transposed convolution)
 * </pre>
 * where dyq (Cout, Hp, Wp) holds dOut at (K-1-padTop, K-1-padLeft), Wflip(c, (co, ky', kx')) =
 * W(co, c, K-1-ky', K-1-kx') and flip(co, ky', kx') = co*Hp*Wp + ky'*Wp + kx'. Cp is Cout rounded
 * up to 16, so the weight gradient runs with the output channels along whole vectors and each
 * input tap as a broadcast (the dot-product form, dOut · xpᵀ with lanes along the columns, loads 8
 * vectors per 16 FMAs at unaligned tap offsets and reached 33-46% of the peak; see BENCHMARKS.md).
 * Every buffer's
 * border is zeroed once at allocation and never written, so only the interior is copied per call.
 *
 * <p>When K * Cin is a multiple of 16 (the tutorial's conv2: 5 * 16 = 80) the weight gradient runs
 * with the <em>input</em> channels along the vectors instead ({@link WeightGradient#CHANNELS}): the
 * padded image is transposed to channels-last, xh(g, c) = xp(c, g), so that for one kernel row ky
 * the taps (kx, c) of a pixel are K * Cin consecutive floats, and
 * <pre>
 *   dWh_ky(Cout x K*Cin) += dOut(Cout x P) · xh[pix + ky*Wp*Cin]    (ab; pix(p) = (oy*Wp + ox)*Cin)
 *   db(Cout)             += Σ_P Σ_images dOut                         (column sums over the images, then over P)
 * </pre>
 * with dWh_ky(co, kx*Cin + c) = dW(co, c, ky, kx). It sums only the P = H * W real pixels and the
 * Cout real channels: for conv2, 36 x 196 x 80 multiply-adds per ky against the taps form's
 * 400 x 224 x 48 in all, a third fewer, and no transposed copy of dOut.
 */
final class IndirectConv {

    private final int cin;
    private final int cout;
    private final int k;          // kernel size
    private final int h;
    private final int w;
    private final int padTop;
    private final int padLeft;
    private final int wp;         // row stride of the padded grid: W + max(padLeft, padRight)
    private final int grid;       // Hp * Wp
    private final int cols;       // columns per image: H * Wp rounded up to 16
    private final int slack;      // floats read past the last padded image
    private final int[] taps;     // (Cin*K*K): tap(c, ky, kx)
    private final int[] flips;    // (Cout*K*K): flip(co, ky', kx')
    private final int coutPad;    // Cout rounded up to 16: the rows of dyT and dWT
    private final WeightGradient weightGradient;
    private final int[] pixelRows;  // (H*W): pix(oy, ox) = (oy*Wp + ox)*Cin, the channels-last rows

    /** The two ways to compute the weight gradient (see the class comment). */
    enum WeightGradient {
        /** tab: output channels along the vectors (padded to 16), one broadcast per input tap. */
        TAPS,
        /** ab on the channels-last image: input taps (kx, c) along the vectors, needs K * Cin % 16 == 0. */
        CHANNELS;

        static WeightGradient fastest(int cin, int k) {
            return k * cin % 16 == 0 ? CHANNELS : TAPS;
        }
    }

    IndirectConv(int cin, int h, int w, int cout, int k, int padTop, int padLeft) {
        this(cin, h, w, cout, k, padTop, padLeft, WeightGradient.fastest(cin, k));
    }

    IndirectConv(int cin, int h, int w, int cout, int k, int padTop, int padLeft, WeightGradient weightGradient) {
        this.cin = cin;
        this.cout = cout;
        this.k = k;
        this.h = h;
        this.w = w;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.wp = w + Math.max(padLeft, k - 1 - padLeft);  // the transposed conv swaps the pads: same maximum
        this.grid = (h + k - 1) * wp;
        this.cols = (h * wp + 15) / 16 * 16;
        this.slack = Math.max(0, (k - 1) * wp + k - 1 + cols - grid);  // the furthest tap of the last column
        this.taps = offsets(cin, k, grid, wp);
        this.flips = offsets(cout, k, grid, wp);
        this.coutPad = (cout + 15) / 16 * 16;
        this.weightGradient = weightGradient;
        this.pixelRows = new int[h * w];
        for (int oy = 0; oy < h; oy++) {
            for (int ox = 0; ox < w; ox++) {
                pixelRows[oy * w + ox] = (oy * wp + ox) * cin;
            }
        }
    }

    /** offsets[(c, ky, kx)] = c*grid + ky*wp + kx. */
    private static int[] offsets(int channels, int k, int grid, int wp) {
        int[] o = new int[channels * k * k];
        int r = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    o[r++] = c * grid + ky * wp + kx;
                }
            }
        }
        return o;
    }

    /** Per-worker buffers; borders are zero from allocation on. */
    final class State extends LayerState {
        final IndirectMatMul kernel;
        final float[] xp;     // (capacity, Cin, Hp, Wp) + slack: padded inputs, kept for backward
        final float[] y;      // (Cout, cols): one image's output on the grid
        final float[] dyT;    // (cols, Cp): one image's dOut on the grid, transposed; 0 off the image and past Cout
        final float[] dWT;    // (Cin*K*K, Cp): the weight gradient of one backward call, transposed
        final float[] dbT;    // (Cp): the bias gradient of one backward call
        final float[] dyq;    // (Cout, Hp, Wp) + slack: one image's dOut, padded for the transposed conv
        final float[] dx;     // (Cin, cols): one image's dInput on the grid
        final float[] wFlip;  // (Cin, Cout*K*K)
        final float[] xh;     // CHANNELS: (Hp*Wp + K, Cin): one padded image channels-last (+ K zero positions read past it)
        final float[] dWh;    // CHANNELS: (K, Cout, K*Cin): the weight gradient of one backward call by kernel row
        final float[] dySum;  // CHANNELS: (Cout, H*W): dOut summed over the images of one backward call

        State(int capacity, MatMul matMul) {
            super(capacity, matMul);
            kernel = IndirectKernels.like(matMul);
            xp = new float[capacity * cin * grid + slack];
            y = new float[cout * cols];
            boolean taps = weightGradient == WeightGradient.TAPS;
            dyT = new float[taps ? cols * coutPad : 0];
            dWT = new float[taps ? cin * k * k * coutPad : 0];
            dbT = new float[taps ? coutPad : 0];
            xh = new float[taps ? 0 : (grid + k) * cin];
            dWh = new float[taps ? 0 : k * cout * k * cin];
            dySum = new float[taps ? 0 : cout * h * w];
            dyq = new float[cout * grid + slack];
            dx = new float[cin * cols];
            wFlip = new float[cin * cout * k * k];
        }
    }

    State newState(int capacity, MatMul matMul) {
        return new State(capacity, matMul);
    }

    /** out (n, Cout, H, W) = conv(input (n, Cin, H, W)) + bias; kernel at params[pOff], bias after it. */
    void forward(State s, float[] params, int pOff, float[] input, float[] out, int n) {
        int patch = cin * k * k;
        int biasOff = pOff + cout * patch;
        int inSize = cin * h * w;
        int outSize = cout * h * w;
        for (int i = 0; i < n; i++) {
            int xpOff = i * cin * grid;
            for (int c = 0; c < cin; c++) {  // the image into the interior of its padded grid
                s.elementwise.copyRows(input, i * inSize + c * h * w, w, s.xp, xpOff + c * grid + padTop * wp + padLeft,
                        wp, w, h);
            }
            s.kernel.ab(params, pOff, s.xp, xpOff, taps, s.y, 0, cout, patch, cols, false);  // (Cout, cols)
            for (int co = 0; co < cout; co++) {  // the H x W image out of each channel's grid, plus bias
                s.elementwise.packRowsPlusBias(s.y, co * cols, wp, params[biasOff + co], out, i * outSize + co * h * w, w, h);
            }
        }
    }

    /** dW, db += (dParams at pOff); dInput (n, Cin, H, W) overwritten unless null. */
    void backward(State s, float[] params, float[] dParams, int pOff, float[] dOut, float[] dInput, int n) {
        if (weightGradient == WeightGradient.TAPS) {
            weightGradientByTaps(s, dParams, pOff, dOut, n);
        } else {
            weightGradientByChannels(s, dParams, pOff, dOut, n);
        }
        if (dInput != null) {
            backwardData(s, params, pOff, dOut, dInput, n);
        }
    }

    private void weightGradientByTaps(State s, float[] dParams, int pOff, float[] dOut, int n) {
        int patch = cin * k * k;
        int biasOff = pOff + cout * patch;
        int outSize = cout * h * w;
        int pixels = h * w;
        java.util.Arrays.fill(s.dWT, 0f);
        java.util.Arrays.fill(s.dbT, 0f);
        for (int i = 0; i < n; i++) {  // one image at a time: its dyT (43 KB for conv2) stays in L1/L2
            for (int co = 0; co < cout; co++) {  // dOut onto the grid, transposed; off-image entries stay 0
                int src = i * outSize + co * pixels;
                for (int oy = 0; oy < h; oy++) {
                    int row = oy * wp * coutPad + co;
                    for (int ox = 0; ox < w; ox++) {
                        s.dyT[row + ox * coutPad] = dOut[src + oy * w + ox];
                    }
                }
            }
            s.elementwise.addColumnSums(s.dyT, 0, cols, coutPad, s.dbT);  // db: the columns' sums
            s.kernel.tab(s.xp, i * cin * grid, taps, s.dyT, 0, s.dWT, 0, patch, cols, coutPad);  // dWT
        }
        for (int co = 0; co < cout; co++) {
            int row = pOff + co * patch;
            for (int q = 0; q < patch; q++) {
                dParams[row + q] += s.dWT[q * coutPad + co];
            }
            dParams[biasOff + co] += s.dbT[co];
        }
    }

    private void weightGradientByChannels(State s, float[] dParams, int pOff, float[] dOut, int n) {
        int kk = k * k;
        int patch = cin * kk;
        int biasOff = pOff + cout * patch;
        int pixels = h * w;
        int outSize = cout * pixels;
        int row = k * cin;  // the taps (kx, c) of one kernel row
        java.util.Arrays.fill(s.dWh, 0f);
        java.util.Arrays.fill(s.dySum, 0f);
        for (int i = 0; i < n; i++) {
            int xpOff = i * cin * grid;
            for (int iy = padTop; iy < padTop + h; iy++) {  // the interior channels-last; the border stays 0
                for (int g = iy * wp + padLeft; g < iy * wp + padLeft + w; g++) {
                    for (int c = 0; c < cin; c++) {
                        s.xh[g * cin + c] = s.xp[xpOff + c * grid + g];
                    }
                }
            }
            for (int ky = 0; ky < k; ky++) {
                s.kernel.ab(dOut, i * outSize, s.xh, ky * wp * cin, pixelRows, s.dWh, ky * cout * row,
                        cout, pixels, row, true);
            }
            s.elementwise.addColumnSums(dOut, i * outSize, 1, outSize, s.dySum);  // db: Σ over the images (dOut_i is in cache) ...
        }
        for (int co = 0; co < cout; co++) {  // dWh(ky, co, kx*Cin + c) is dW(co, c, ky, kx)
            for (int c = 0; c < cin; c++) {
                int dst = pOff + (co * cin + c) * kk;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        dParams[dst + ky * k + kx] += s.dWh[(ky * cout + co) * row + kx * cin + c];
                    }
                }
            }
        }
        for (int co = 0; co < cout; co++) {  // ... then over the pixels
            float sum = 0f;
            for (int p = 0; p < pixels; p++) {
                sum += s.dySum[co * pixels + p];
            }
            dParams[biasOff + co] += sum;
        }
    }

    private void backwardData(State s, float[] params, int pOff, float[] dOut, float[] dInput, int n) {
        int kk = k * k;
        int fan = cout * kk;
        for (int c = 0; c < cin; c++) {  // Wflip(c, (co, ky', kx')) = W(co, c, K-1-ky', K-1-kx')
            for (int co = 0; co < cout; co++) {
                int src = pOff + (co * cin + c) * kk;
                int dst = c * fan + co * kk;
                for (int t = 0; t < kk; t++) {
                    s.wFlip[dst + t] = params[src + kk - 1 - t];
                }
            }
        }
        int inSize = cin * h * w;
        int outSize = cout * h * w;
        int top = k - 1 - padTop;
        int left = k - 1 - padLeft;
        for (int i = 0; i < n; i++) {
            for (int co = 0; co < cout; co++) {
                s.elementwise.copyRows(dOut, i * outSize + co * h * w, w, s.dyq, co * grid + top * wp + left, wp, w, h);
            }
            s.kernel.ab(s.wFlip, 0, s.dyq, 0, flips, s.dx, 0, cin, fan, cols, false);  // (Cin, cols)
            for (int c = 0; c < cin; c++) {
                s.elementwise.copyRows(s.dx, c * cols, wp, dInput, i * inSize + c * h * w, w, w, h);
            }
        }
    }
}
