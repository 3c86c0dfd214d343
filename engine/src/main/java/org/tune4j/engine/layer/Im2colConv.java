package org.tune4j.engine.layer;

import java.util.Arrays;
import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.MatMul;

/**
 * {@link ConvAlgorithm#IM2COL}: per image, the input's patches copied into a matrix col (K x P),
 * then one matrix product per pass:
 *
 * <pre>
 *   out(Cout x P)  = W(Cout x K) · col(K x P) + b        K = Cin * kh * kw, P = outH * outW   (ab)
 *   dW(Cout x K)  += dOut(Cout x P) · col(K x P)ᵀ                                               (abt)
 *   dCol(K x P)    = W(Cout x K)ᵀ · dOut(Cout x P), then col2im adds dCol into dInput           (atb)
 *   db(Cout)      += Σ_P dOut
 * </pre>
 * Any stride and padding. The worker's state holds col and dCol for one image.
 */
final class Im2colConv implements Convolution {

    private final ConvShape s;

    Im2colConv(ConvShape shape) {
        this.s = shape;
    }

    /** One image's im2col matrix and its gradient. */
    static final class State extends LayerState {
        final float[] col;   // (K, P)
        final float[] dCol;  // (K, P)

        State(int capacity, MatMul matMul, int k, int p) {
            super(capacity, matMul);
            col = new float[k * p];
            dCol = new float[k * p];
        }
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        return new State(capacity, matMul, s.patch(), s.pixels());
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        State st = (State) state;
        int filters = s.filters();
        int k = s.patch();
        int p = s.pixels();
        int inSize = s.inputSize();
        int outSize = s.outputSize();
        int biasOff = pOff + filters * k;
        for (int i = 0; i < n; i++) {
            im2col(input, i * inSize, st.col);
            st.matMul.ab(params, pOff, st.col, 0, out, i * outSize, filters, k, p, false); // (Cout, P)
            for (int f = 0; f < filters; f++) {
                float bias = params[biasOff + f];
                int row = i * outSize + f * p;
                for (int j = 0; j < p; j++) {
                    out[row + j] += bias;
                }
            }
        }
    }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] dOut, float[] dInput, int n) {
        State st = (State) state;
        int filters = s.filters();
        int k = s.patch();
        int p = s.pixels();
        int inSize = s.inputSize();
        int outSize = s.outputSize();
        int biasOff = pOff + filters * k;
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < filters; f++) {
                float sum = 0f;
                int row = i * outSize + f * p;
                for (int j = 0; j < p; j++) {
                    sum += dOut[row + j];
                }
                dParams[biasOff + f] += sum;
            }
            im2col(input, i * inSize, st.col);
            st.matMul.abt(dOut, i * outSize, st.col, 0, dParams, pOff, filters, p, k, true);  // dW (Cout, K)
            if (dInput != null) {
                st.matMul.atb(params, pOff, dOut, i * outSize, st.dCol, 0, k, filters, p, false); // dCol (K, P)
                col2im(st.dCol, dInput, i * inSize);
            }
        }
    }

    /** col(K x P): row (c, ky, kx), column (oy, ox) holds input(c, oy*s - padTop + ky, ox*s - padLeft + kx) or 0. */
    private void im2col(float[] input, int inOff, float[] col) {
        int h = s.height();
        int w = s.width();
        int oh = s.outHeight();
        int ow = s.outWidth();
        int stride = s.stride();
        int row = 0;
        for (int c = 0; c < s.channels(); c++) {
            for (int ky = 0; ky < s.kernel(); ky++) {
                for (int kx = 0; kx < s.kernel(); kx++, row++) {
                    int lo = firstInside(kx);
                    int hi = endInside(kx);
                    for (int oy = 0; oy < oh; oy++) {
                        int dst = (row * oh + oy) * ow;
                        int iy = oy * stride - s.padTop() + ky;
                        if (iy < 0 || iy >= h || lo >= hi) {
                            Arrays.fill(col, dst, dst + ow, 0f);
                            continue;
                        }
                        Arrays.fill(col, dst, dst + lo, 0f);
                        Arrays.fill(col, dst + hi, dst + ow, 0f);
                        int src = inOff + (c * h + iy) * w - s.padLeft() + kx;  // + ox * stride
                        if (stride == 1) {
                            System.arraycopy(input, src + lo, col, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                col[dst + ox] = input[src + ox * stride];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: dInput (one example, overwritten) = Σ of dCol over the positions each pixel fed. */
    private void col2im(float[] dCol, float[] dInput, int inOff) {
        int h = s.height();
        int w = s.width();
        int oh = s.outHeight();
        int ow = s.outWidth();
        int stride = s.stride();
        Arrays.fill(dInput, inOff, inOff + s.inputSize(), 0f);
        int row = 0;
        for (int c = 0; c < s.channels(); c++) {
            for (int ky = 0; ky < s.kernel(); ky++) {
                for (int kx = 0; kx < s.kernel(); kx++, row++) {
                    int lo = firstInside(kx);
                    int hi = endInside(kx);
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * stride - s.padTop() + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int from = (row * oh + oy) * ow;
                        int dst = inOff + (c * h + iy) * w - s.padLeft() + kx;  // + ox * stride
                        for (int ox = lo; ox < hi; ox++) {
                            dInput[dst + ox * stride] += dCol[from + ox];
                        }
                    }
                }
            }
        }
    }

    /** Smallest ox whose input column ox*stride - padLeft + kx is >= 0. */
    private int firstInside(int kx) {
        return Math.min(s.outWidth(), Math.max(0, -Math.floorDiv(kx - s.padLeft(), s.stride())));
    }

    /** One past the largest ox whose input column ox*stride - padLeft + kx is < w. */
    private int endInside(int kx) {
        return Math.max(0, Math.min(s.outWidth(), Math.floorDiv(s.width() - 1 + s.padLeft() - kx, s.stride()) + 1));
    }
}
