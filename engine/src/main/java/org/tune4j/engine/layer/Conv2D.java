package org.tune4j.engine.layer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.tensor.Shape;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) over NCHW feature maps,
 * computed per example as im2col followed by one matrix product in the transposed orientation
 * (at stride 1 with "same" padding, the tutorial's case, {@link IndirectConv} computes the same
 * products reading a zero-padded copy of the input through a table of offsets instead):
 *
 * <pre>
 *   out(Cout x P)  = W(Cout x K) · col(K x P) + b        K = Cin * kh * kw, P = outH * outW
 *   dW(Cout x K)  += dOut(Cout x P) · col(K x P)ᵀ         (abt)
 *   dCol(K x P)    = W(Cout x K)ᵀ · dOut(Cout x P)        (atb), then col2im adds dCol into dInput
 *   db(Cout)      += Σ_P dOut
 * </pre>
 *
 * Parameters: kernel (Cout, Cin, kh, kw) followed by bias (Cout). Padding and output sizes follow
 * TensorFlow ({@link Padding}). Not here: dilation, groups, non-square kernels or strides.
 */
public final class Conv2D implements Layer {

    private final Shape inputShape;   // (Cin, H, W)
    private final Shape outputShape;  // (Cout, outH, outW)
    private final int filters;
    private final int kernelSize;
    private final int stride;
    private final Padding padding;
    private final int padTop;
    private final int padLeft;
    private final IndirectConv indirect;  // the stride-1 "same" case without im2col; null otherwise

    public Conv2D(Shape inputShape, int filters, int kernelSize, int stride, Padding padding) {
        if (!inputShape.isImage()) {
            throw new IllegalArgumentException("Conv2D needs a (channels, height, width) input, found " + inputShape);
        }
        if (filters <= 0 || kernelSize <= 0 || stride <= 0) {
            throw new IllegalArgumentException("Conv2D: expected positive filters, kernel size and stride, found "
                    + filters + ", " + kernelSize + ", " + stride);
        }
        int h = inputShape.height();
        int w = inputShape.width();
        if (padding == Padding.VALID && (h < kernelSize || w < kernelSize)) {
            throw new IllegalArgumentException("Conv2D with valid padding: kernel " + kernelSize + "x" + kernelSize
                    + " does not fit the input " + h + "x" + w);
        }
        this.inputShape = inputShape;
        this.filters = filters;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.padTop = padding.padBefore(h, kernelSize, stride);
        this.padLeft = padding.padBefore(w, kernelSize, stride);
        this.outputShape = Shape.of(filters, padding.outputSize(h, kernelSize, stride),
                padding.outputSize(w, kernelSize, stride));
        this.indirect = stride == 1 && padding == Padding.SAME
                ? new IndirectConv(inputShape.channels(), h, w, filters, kernelSize, padTop, padLeft)
                : null;
    }

    public int filters() { return filters; }
    public int kernelSize() { return kernelSize; }
    public int stride() { return stride; }
    public Padding padding() { return padding; }

    @Override public String kind() { return "Conv2D"; }
    @Override public Shape inputShape() { return inputShape; }
    @Override public Shape outputShape() { return outputShape; }
    @Override public int parameterCount() { return filters * patchSize() + filters; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", kind());
        c.put("filters", filters);
        c.put("kernel_size", kernelSize);
        c.put("stride", stride);
        c.put("padding", padding.id());
        return c;
    }

    /** K = Cin * kh * kw: the rows of the im2col matrix. */
    private int patchSize() {
        return inputShape.channels() * kernelSize * kernelSize;
    }

    /** P = outH * outW: the columns of the im2col matrix. */
    private int pixels() {
        return outputShape.height() * outputShape.width();
    }

    @Override
    public void initialize(float[] params, int pOff, RandomGenerator rng) {
        int field = kernelSize * kernelSize;
        Initializers.glorotUniform(params, pOff, filters * patchSize(),
                inputShape.channels() * field, filters * field, rng);
        Initializers.zeros(params, pOff + filters * patchSize(), filters);
    }

    /** Per-worker buffers: one example's im2col matrix and its gradient. */
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
        if (indirect != null) {
            return indirect.newState(capacity, matMul);
        }
        return new State(capacity, matMul, patchSize(), pixels());
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        state.checkBatch(n);
        if (indirect != null) {
            indirect.forward((IndirectConv.State) state, params, pOff, input, out, n);
            return;
        }
        State s = (State) state;
        int k = patchSize();
        int p = pixels();
        int inSize = inputShape.size();
        int outSize = outputShape.size();
        int biasOff = pOff + filters * k;
        for (int i = 0; i < n; i++) {
            im2col(input, i * inSize, s.col);
            s.matMul.ab(params, pOff, s.col, 0, out, i * outSize, filters, k, p, false); // (Cout, P)
            for (int f = 0; f < filters; f++) {
                float bias = params[biasOff + f];
                int row = i * outSize + f * p;
                for (int j = 0; j < p; j++) {
                    out[row + j] += bias;
                }
            }
        }
    }

    /** Backward reads input, dOut and the state, not out. */
    @Override
    public boolean backwardReadsOutput() { return false; }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] out, float[] dOut, float[] dInput, int n) {
        state.checkBatch(n);
        if (indirect != null) {
            indirect.backward((IndirectConv.State) state, params, dParams, pOff, dOut, dInput, n);
            return;
        }
        State s = (State) state;
        int k = patchSize();
        int p = pixels();
        int inSize = inputShape.size();
        int outSize = outputShape.size();
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
            im2col(input, i * inSize, s.col);
            s.matMul.abt(dOut, i * outSize, s.col, 0, dParams, pOff, filters, p, k, true);  // dW (Cout, K)
            if (dInput != null) {
                s.matMul.atb(params, pOff, dOut, i * outSize, s.dCol, 0, k, filters, p, false); // dCol (K, P)
                col2im(s.dCol, dInput, i * inSize);
            }
        }
    }

    /** col(K x P): row (c, ky, kx), column (oy, ox) holds input(c, oy*s - padTop + ky, ox*s - padLeft + kx) or 0. */
    private void im2col(float[] input, int inOff, float[] col) {
        int cin = inputShape.channels();
        int h = inputShape.height();
        int w = inputShape.width();
        int oh = outputShape.height();
        int ow = outputShape.width();
        int row = 0;
        for (int c = 0; c < cin; c++) {
            for (int ky = 0; ky < kernelSize; ky++) {
                for (int kx = 0; kx < kernelSize; kx++, row++) {
                    int lo = firstInside(kx, ow);
                    int hi = endInside(kx, w, ow);
                    for (int oy = 0; oy < oh; oy++) {
                        int dst = (row * oh + oy) * ow;
                        int iy = oy * stride - padTop + ky;
                        if (iy < 0 || iy >= h || lo >= hi) {
                            Arrays.fill(col, dst, dst + ow, 0f);
                            continue;
                        }
                        Arrays.fill(col, dst, dst + lo, 0f);
                        Arrays.fill(col, dst + hi, dst + ow, 0f);
                        int src = inOff + (c * h + iy) * w - padLeft + kx;  // + ox * stride
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
        int cin = inputShape.channels();
        int h = inputShape.height();
        int w = inputShape.width();
        int oh = outputShape.height();
        int ow = outputShape.width();
        Arrays.fill(dInput, inOff, inOff + inputShape.size(), 0f);
        int row = 0;
        for (int c = 0; c < cin; c++) {
            for (int ky = 0; ky < kernelSize; ky++) {
                for (int kx = 0; kx < kernelSize; kx++, row++) {
                    int lo = firstInside(kx, ow);
                    int hi = endInside(kx, w, ow);
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * stride - padTop + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int from = (row * oh + oy) * ow;
                        int dst = inOff + (c * h + iy) * w - padLeft + kx;  // + ox * stride
                        for (int ox = lo; ox < hi; ox++) {
                            dInput[dst + ox * stride] += dCol[from + ox];
                        }
                    }
                }
            }
        }
    }

    /** Smallest ox whose input column ox*stride - padLeft + kx is >= 0. */
    private int firstInside(int kx, int ow) {
        return Math.min(ow, Math.max(0, -Math.floorDiv(kx - padLeft, stride)));
    }

    /** One past the largest ox whose input column ox*stride - padLeft + kx is < w. */
    private int endInside(int kx, int w, int ow) {
        return Math.max(0, Math.min(ow, Math.floorDiv(w - 1 + padLeft - kx, stride) + 1));
    }
}
