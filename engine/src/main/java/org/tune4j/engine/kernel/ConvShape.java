package org.tune4j.engine.kernel;

/**
 * The sizes of one 2-D convolution over NCHW maps with square kernels: input (channels, height,
 * width), {@code filters} output channels, a {@code kernel} x {@code kernel} window moved by
 * {@code stride}, the input read from (oy * stride - padTop + ky, ox * stride - padLeft + kx), zero
 * outside it, and an output of (filters, outHeight, outWidth). Weights are (filters, channels,
 * kernel, kernel), as in PyTorch.
 *
 * <p>Only sizes: how the padding was chosen (TensorFlow's "same" or "valid") is the layer's
 * business; every convolution algorithm reads the same record.
 */
public record ConvShape(int channels, int height, int width, int filters, int kernel, int stride,
                        int padTop, int padLeft, int outHeight, int outWidth) {

    public ConvShape {
        if (channels < 1 || height < 1 || width < 1 || filters < 1 || kernel < 1 || stride < 1
                || outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("convolution: expected positive sizes, found " + describe(
                    channels, height, width, filters, kernel, stride, padTop, padLeft, outHeight, outWidth));
        }
        if (padTop < 0 || padLeft < 0 || padTop >= kernel || padLeft >= kernel) {
            throw new IllegalArgumentException("convolution: expected padding in [0, kernel), found " + describe(
                    channels, height, width, filters, kernel, stride, padTop, padLeft, outHeight, outWidth));
        }
    }

    /** K = channels * kernel * kernel: the taps of one output pixel (the im2col rows). */
    public int patch() {
        return channels * kernel * kernel;
    }

    /** Floats of one input image: channels * height * width. */
    public int inputSize() {
        return channels * height * width;
    }

    /** P = outHeight * outWidth: the output pixels of one channel (the im2col columns). */
    public int pixels() {
        return outHeight * outWidth;
    }

    /** Floats of one output image: filters * outHeight * outWidth. */
    public int outputSize() {
        return filters * pixels();
    }

    /** Stride 1 with the output the size of the input (TensorFlow's "same" padding at stride 1). */
    public boolean preservesSize() {
        return stride == 1 && outHeight == height && outWidth == width;
    }

    private static String describe(int channels, int height, int width, int filters, int kernel, int stride,
                                   int padTop, int padLeft, int outHeight, int outWidth) {
        return "in " + channels + "x" + height + "x" + width + ", " + filters + " filters of " + kernel + "x"
                + kernel + ", stride " + stride + ", pad " + padTop + "/" + padLeft + ", out " + outHeight + "x"
                + outWidth;
    }
}
