package org.tune4j.engine.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.tensor.Shape;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) over NCHW feature maps:
 * the layer's parameters and shapes, with every pass delegated to one {@link Convolution}
 * algorithm chosen when the layer is built ({@link ConvAlgorithm#fastest} unless the caller names
 * one). Each algorithm computes the formulas of {@link org.tune4j.engine.kernel.NaiveConv}:
 *
 * <pre>
 *   out(i, co, oy, ox) = b(co) + Σ_{c, ky, kx} W(co, c, ky, kx) · x(i, c, oy*s - padTop + ky, ox*s - padLeft + kx)
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
    private final ConvShape shape;
    private final ConvAlgorithm algorithm;
    private final Convolution convolution;

    /** A convolution computed by the fastest algorithm for its shape ({@link ConvAlgorithm#fastest}). */
    public Conv2D(Shape inputShape, int filters, int kernelSize, int stride, Padding padding) {
        this(inputShape, filters, kernelSize, stride, padding, null);
    }

    /**
     * A convolution computed by {@code algorithm} (null: {@link ConvAlgorithm#fastest}); fails when
     * the algorithm does not support the shape.
     */
    public Conv2D(Shape inputShape, int filters, int kernelSize, int stride, Padding padding, ConvAlgorithm algorithm) {
        if (!inputShape.isImage()) {
            throw new IllegalArgumentException("Conv2D needs a (channels, height, width) input, found " + inputShape);
        }
        if (filters <= 0 || kernelSize <= 0 || stride <= 0) {
            throw new IllegalArgumentException("Conv2D: expected positive filters, kernel size and stride, found "
                    + filters + ", " + kernelSize + ", " + stride);
        }
        int h = inputShape.height();
        int w = inputShape.width();
        long patch = (long) inputShape.channels() * kernelSize * kernelSize;
        LayerLimits.requireParameters("Conv2D " + filters + " filters of " + kernelSize + "x" + kernelSize + " over "
                + inputShape.channels() + (inputShape.channels() == 1 ? " channel" : " channels"), filters * patch + filters);
        if (padding == Padding.VALID && (h < kernelSize || w < kernelSize)) {
            throw new IllegalArgumentException("Conv2D with valid padding: kernel " + kernelSize + "x" + kernelSize
                    + " does not fit the input " + h + "x" + w);
        }
        this.inputShape = inputShape;
        this.filters = filters;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        int outH = padding.outputSize(h, kernelSize, stride);
        int outW = padding.outputSize(w, kernelSize, stride);
        LayerLimits.requireValues("Conv2D output " + filters + " x " + outH + " x " + outW, (long) filters * outH * outW);
        this.outputShape = Shape.of(filters, outH, outW);
        this.shape = new ConvShape(inputShape.channels(), h, w, filters, kernelSize, stride,
                padding.padBefore(h, kernelSize, stride), padding.padBefore(w, kernelSize, stride), outH, outW);
        this.algorithm = algorithm != null ? algorithm : ConvAlgorithm.fastest(shape);
        this.convolution = this.algorithm.create(shape);
    }

    /**
     * A convolution on {@code preferred} when it supports this layer's shape, otherwise (or when
     * null) on {@link ConvAlgorithm#fastest}: how a whole network is put on one algorithm (the
     * CLI's {@code --conv}) although some of its layers may have shapes that algorithm lacks.
     */
    public static Conv2D preferring(Shape inputShape, int filters, int kernelSize, int stride, Padding padding,
                                    ConvAlgorithm preferred) {
        Conv2D probe = new Conv2D(inputShape, filters, kernelSize, stride, padding, ConvAlgorithm.DIRECT);
        boolean fits = preferred != null && preferred.supports(probe.shape);
        return preferred == ConvAlgorithm.DIRECT ? probe
                : new Conv2D(inputShape, filters, kernelSize, stride, padding, fits ? preferred : null);
    }

    public int filters() { return filters; }
    public int kernelSize() { return kernelSize; }
    public int stride() { return stride; }
    public Padding padding() { return padding; }
    /** The sizes and padding of this convolution, as every algorithm reads them. */
    public ConvShape convShape() { return shape; }
    /** The algorithm this layer's passes run on. */
    public ConvAlgorithm algorithm() { return algorithm; }

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

    /** K = Cin * kh * kw: the weights of one filter. */
    private int patchSize() {
        return inputShape.channels() * kernelSize * kernelSize;
    }

    @Override
    public void initialize(float[] params, int pOff, RandomGenerator rng) {
        int field = kernelSize * kernelSize;
        Initializers.glorotUniform(params, pOff, filters * patchSize(),
                inputShape.channels() * field, filters * field, rng);
        Initializers.zeros(params, pOff + filters * patchSize(), filters);
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        return convolution.newState(capacity, matMul);
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        state.checkBatch(n);
        convolution.forward(state, params, pOff, input, out, n);
    }

    /** Backward reads input, dOut and the state, not out. */
    @Override
    public boolean backwardReadsOutput() { return false; }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] out, float[] dOut, float[] dInput, int n) {
        state.checkBatch(n);
        convolution.backward(state, params, dParams, pOff, input, dOut, dInput, n);
    }
}
