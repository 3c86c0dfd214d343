package org.tune4j.engine.layer;

import java.util.function.Function;
import java.util.function.Predicate;
import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.WinogradTransform;

/**
 * The ways {@link Conv2D} can compute a convolution, and {@link #fastest}, the one rule that picks
 * among them when a layer is built without an explicit choice. Each constant names its class and
 * the shapes it supports; a new algorithm is one {@link Convolution} class plus one constant here
 * (ConvolutionParityTest then checks it against the specification on every shape it supports).
 */
public enum ConvAlgorithm {
    /** The specification's loops ({@link org.tune4j.engine.kernel.NaiveConv}); any shape; slow. */
    DIRECT(DirectConv::new, shape -> true),
    /** im2col and one matrix product per image ({@link Im2colConv}); any shape. */
    IM2COL(Im2colConv::new, shape -> true),
    /**
     * Indirect products on a zero-padded copy of each image, the weight gradient with the output
     * channels along the vectors ({@link IndirectConvByTaps}); stride 1, output the input's size.
     */
    INDIRECT_TAPS(IndirectConvByTaps::new, ConvShape::preservesSize),
    /**
     * As {@link #INDIRECT_TAPS}, the weight gradient with the input channels along the vectors on
     * a channels-last copy ({@link IndirectConvByChannels}); stride 1, output the input's size.
     */
    INDIRECT_CHANNELS(IndirectConvByChannels::new, ConvShape::preservesSize),
    /**
     * Winograd minimal filtering F(2x2, 5x5) on 6 x 6 input tiles ({@link WinogradConv}); stride
     * 1, 5 x 5 kernels, any padding. 36 instead of 100 multiplications per output pair of pixels.
     */
    WINOGRAD(shape -> new WinogradConv(shape, WinogradTransform.F2X2_5X5),
            shape -> WinogradConv.supports(shape, WinogradTransform.F2X2_5X5)),
    /**
     * Winograd F(4x4, 5x5) on 8 x 8 input tiles ({@link WinogradConv}): 64 instead of 400
     * multiplications per 16 output pixels, at a larger rounding error; stride 1, 5 x 5 kernels.
     */
    WINOGRAD_4X4(shape -> new WinogradConv(shape, WinogradTransform.F4X4_5X5),
            shape -> WinogradConv.supports(shape, WinogradTransform.F4X4_5X5));

    private final Function<ConvShape, Convolution> factory;
    private final Predicate<ConvShape> supported;

    ConvAlgorithm(Function<ConvShape, Convolution> factory, Predicate<ConvShape> supported) {
        this.factory = factory;
        this.supported = supported;
    }

    /**
     * The algorithm a layer of this shape runs by default: the indirect convolution whenever it
     * applies (stride 1, output the size of the input), with the channels form of the weight
     * gradient when kernel * channels is a multiple of 16 (its vectors are then full, as in the
     * tutorial's conv2: 5 * 16) and the taps form otherwise; im2col for every other shape.
     */
    public static ConvAlgorithm fastest(ConvShape shape) {
        if (!shape.preservesSize()) {
            return IM2COL;
        }
        return shape.kernel() * shape.channels() % 16 == 0 ? INDIRECT_CHANNELS : INDIRECT_TAPS;
    }

    /** Whether this algorithm computes convolutions of this shape. */
    public boolean supports(ConvShape shape) {
        return supported.test(shape);
    }

    /** The algorithm for one layer of this shape; fails when it does not {@link #supports} it. */
    Convolution create(ConvShape shape) {
        if (!supports(shape)) {
            throw new IllegalArgumentException(this + " convolution does not support stride " + shape.stride()
                    + ", " + shape.height() + "x" + shape.width() + " -> " + shape.outHeight() + "x"
                    + shape.outWidth() + " and kernel " + shape.kernel()
                    + " (the indirect ones need stride 1 and an output the size of the input; winograd stride 1 and kernel 5)");
        }
        return factory.apply(shape);
    }
}
