package org.tune4j.engine.layer;

import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.IndirectKernels;
import org.tune4j.engine.kernel.IndirectMatMul;
import org.tune4j.engine.kernel.MatMul;

/**
 * The convolution at stride 1 with the output the size of the input (TensorFlow's "same"), computed
 * without an im2col matrix: the indirect convolution of Dukhan 2019 (see {@link IndirectMatMul}).
 * This class holds the forward and backward-data passes; the weight gradient is one of two
 * subclasses, {@link IndirectConvByTaps} or {@link IndirectConvByChannels}.
 *
 * <p>Each input image is copied once into a zero-padded grid xp (Cin, Hp, Wp), Hp = H + K - 1,
 * with the image at (padTop, padLeft). Output pixel (oy, ox) becomes column j = oy * Wp + ox of a
 * "padded-width" grid, and kernel tap (c, ky, kx) reads xp from offset
 * {@code tap(c, ky, kx) = c*Hp*Wp + ky*Wp + kx}: the im2col row is xp[tap + j]. Columns with
 * ox &gt;= W (and past H*Wp, up to {@code cols}, a multiple of 16 so SIMD vectors are full) are
 * computed and thrown away; that costs Wp/W more multiply-adds and saves every copy.
 *
 * <p>Wp = W + max(padLeft, padRight), not W + K - 1: the zeros after one row are also the zeros
 * before the next, since a tap reaches at most padRight past a row's end or padLeft before its
 * start (for a 14 x 14 image and K = 5, 16 columns per row instead of 18).
 *
 * <pre>
 *   y(Cout x cols)   = W(Cout x K)  · xp[tap + j]              (ab; out = y on the image + bias)
 *   dx(Cin x cols)   = Wflip(Cin x Cout*K*K) · dyq[flip + j]    (ab; the transposed convolution)
 * </pre>
 * where dyq (Cout, Hp, Wp) holds dOut at (K-1-padTop, K-1-padLeft), Wflip(c, (co, ky', kx')) =
 * W(co, c, K-1-ky', K-1-kx') and flip(co, ky', kx') = co*Hp*Wp + ky'*Wp + kx'. Every buffer's
 * border is zeroed once at allocation and never written, so only the interior is copied per call.
 * The padded inputs xp stay in the worker's state from forward to backward.
 */
abstract class IndirectConv implements Convolution {

    final int cin;
    final int cout;
    final int k;          // kernel size
    final int h;
    final int w;
    final int padTop;
    final int padLeft;
    final int wp;         // row stride of the padded grid: W + max(padLeft, padRight)
    final int grid;       // Hp * Wp
    final int cols;       // columns per image: H * Wp rounded up to 16
    final int slack;      // floats read past the last padded image
    final int[] taps;     // (Cin*K*K): tap(c, ky, kx)
    private final int[] flips;  // (Cout*K*K): flip(co, ky', kx')

    IndirectConv(ConvShape s) {
        if (!s.preservesSize()) {
            throw new IllegalArgumentException("indirect convolution: expected stride 1 and output = input size, found "
                    + s);
        }
        this.cin = s.channels();
        this.cout = s.filters();
        this.k = s.kernel();
        this.h = s.height();
        this.w = s.width();
        this.padTop = s.padTop();
        this.padLeft = s.padLeft();
        this.wp = w + Math.max(padLeft, k - 1 - padLeft);  // the transposed conv swaps the pads: same maximum
        this.grid = (h + k - 1) * wp;
        this.cols = (h * wp + 15) / 16 * 16;
        this.slack = Math.max(0, (k - 1) * wp + k - 1 + cols - grid);  // the furthest tap of the last column
        this.taps = offsets(cin, k, grid, wp);
        this.flips = offsets(cout, k, grid, wp);
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

    /** The buffers of forward and backward-data; a subclass's state adds its weight gradient's. */
    static class State extends LayerState {
        final IndirectMatMul kernel;
        final float[] xp;     // (capacity, Cin, Hp, Wp) + slack: padded inputs, kept for backward
        final float[] y;      // (Cout, cols): one image's output on the grid
        final float[] dyq;    // (Cout, Hp, Wp) + slack: one image's dOut, padded for the transposed conv
        final float[] dx;     // (Cin, cols): one image's dInput on the grid
        final float[] wFlip;  // (Cin, Cout*K*K)

        State(int capacity, MatMul matMul, IndirectConv conv) {
            super(capacity, matMul);
            kernel = IndirectKernels.like(matMul);
            xp = new float[capacity * conv.cin * conv.grid + conv.slack];
            y = new float[conv.cout * conv.cols];
            dyq = new float[conv.cout * conv.grid + conv.slack];
            dx = new float[conv.cin * conv.cols];
            wFlip = new float[conv.cin * conv.cout * conv.k * conv.k];
        }
    }

    /** dW and db of n images added into dParams at pOff, from dOut and the state's padded inputs. */
    abstract void addWeightAndBiasGradients(State s, float[] dParams, int pOff, float[] dOut, int n);

    @Override
    public final void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        State s = (State) state;
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

    /** Reads the padded inputs forward left in the state, not input. */
    @Override
    public final void backward(LayerState state, float[] params, float[] dParams, int pOff,
                               float[] input, float[] dOut, float[] dInput, int n) {
        State s = (State) state;
        addWeightAndBiasGradients(s, dParams, pOff, dOut, n);
        if (dInput != null) {
            backwardData(s, params, pOff, dOut, dInput, n);
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
