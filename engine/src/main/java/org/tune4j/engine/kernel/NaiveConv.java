package org.tune4j.engine.kernel;

import java.util.Arrays;

/**
 * The 2-D convolution straight from its definition: the specification every fast convolution
 * (im2col, indirect) is tested against, and an algorithm a model can run end to end (slowly).
 * Cross-correlation, as in every deep-learning library; shapes and padding as in {@link ConvShape}:
 *
 * <pre>
 *   out(i, co, oy, ox) = b(co) + Σ_{c, ky, kx} W(co, c, ky, kx) · x(i, c, oy*s - padTop + ky, ox*s - padLeft + kx)
 *   dx(i, c, iy, ix)   = Σ over the (co, oy, ox, ky, kx) that read x(i, c, iy, ix) of W(co, c, ky, kx) · dOut(i, co, oy, ox)
 *   dW(co, c, ky, kx) += Σ_{i, oy, ox} dOut(i, co, oy, ox) · x(i, c, oy*s - padTop + ky, ox*s - padLeft + kx)
 *   db(co)            += Σ_{i, oy, ox} dOut(i, co, oy, ox)
 * </pre>
 * with x read as 0 outside the image. Every pass is the same six loops over (image, output
 * channel, output pixel, input channel, kernel row, kernel column); the backward passes move the
 * forward's one line of arithmetic to the other side. One float accumulator per output element,
 * summed in loop order. Arrays are NCHW and addressed from offsets; {@code n} images.
 */
public final class NaiveConv {

    private NaiveConv() {
    }

    /**
     * out = conv(input) + bias.
     *
     * @param input   (n, channels, height, width) from inOff
     * @param weights (filters, channels, kernel, kernel) from wOff
     * @param bias    (filters) from bOff
     * @param out     (n, filters, outHeight, outWidth) from outOff, overwritten
     */
    public static void forward(ConvShape s, float[] input, int inOff, float[] weights, int wOff,
                               float[] bias, int bOff, float[] out, int outOff, int n) {
        int k = s.kernel();
        for (int i = 0; i < n; i++) {
            for (int co = 0; co < s.filters(); co++) {
                for (int oy = 0; oy < s.outHeight(); oy++) {
                    for (int ox = 0; ox < s.outWidth(); ox++) {
                        float sum = 0f;
                        for (int c = 0; c < s.channels(); c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int x = inputIndex(s, i, c, oy, ox, ky, kx);
                                    if (x >= 0) {
                                        sum += weights[wOff + weightIndex(s, co, c, ky, kx)] * input[inOff + x];
                                    }
                                }
                            }
                        }
                        out[outOff + outputIndex(s, i, co, oy, ox)] = sum + bias[bOff + co];
                    }
                }
            }
        }
    }

    /**
     * dInput = the gradient of Σ dOut ⊙ conv(input) with respect to the input.
     *
     * @param weights (filters, channels, kernel, kernel) from wOff
     * @param dOut    (n, filters, outHeight, outWidth) from outOff
     * @param dInput  (n, channels, height, width) from inOff, overwritten
     */
    public static void backwardInput(ConvShape s, float[] weights, int wOff, float[] dOut, int outOff,
                                     float[] dInput, int inOff, int n) {
        Arrays.fill(dInput, inOff, inOff + n * s.inputSize(), 0f);
        int k = s.kernel();
        for (int i = 0; i < n; i++) {
            for (int co = 0; co < s.filters(); co++) {
                for (int oy = 0; oy < s.outHeight(); oy++) {
                    for (int ox = 0; ox < s.outWidth(); ox++) {
                        float d = dOut[outOff + outputIndex(s, i, co, oy, ox)];
                        for (int c = 0; c < s.channels(); c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int x = inputIndex(s, i, c, oy, ox, ky, kx);
                                    if (x >= 0) {
                                        dInput[inOff + x] += weights[wOff + weightIndex(s, co, c, ky, kx)] * d;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * dWeights += the gradient of Σ dOut ⊙ conv(input) with respect to the weights.
     *
     * @param input    (n, channels, height, width) from inOff
     * @param dOut     (n, filters, outHeight, outWidth) from outOff
     * @param dWeights (filters, channels, kernel, kernel) from wOff, accumulated into
     */
    public static void backwardWeights(ConvShape s, float[] input, int inOff, float[] dOut, int outOff,
                                       float[] dWeights, int wOff, int n) {
        int k = s.kernel();
        for (int i = 0; i < n; i++) {
            for (int co = 0; co < s.filters(); co++) {
                for (int oy = 0; oy < s.outHeight(); oy++) {
                    for (int ox = 0; ox < s.outWidth(); ox++) {
                        float d = dOut[outOff + outputIndex(s, i, co, oy, ox)];
                        for (int c = 0; c < s.channels(); c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int x = inputIndex(s, i, c, oy, ox, ky, kx);
                                    if (x >= 0) {
                                        dWeights[wOff + weightIndex(s, co, c, ky, kx)] += d * input[inOff + x];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * dBias += Σ of dOut over the images and pixels of each output channel.
     *
     * @param dOut  (n, filters, outHeight, outWidth) from outOff
     * @param dBias (filters) from bOff, accumulated into
     */
    public static void backwardBias(ConvShape s, float[] dOut, int outOff, float[] dBias, int bOff, int n) {
        for (int i = 0; i < n; i++) {
            for (int co = 0; co < s.filters(); co++) {
                for (int oy = 0; oy < s.outHeight(); oy++) {
                    for (int ox = 0; ox < s.outWidth(); ox++) {
                        dBias[bOff + co] += dOut[outOff + outputIndex(s, i, co, oy, ox)];
                    }
                }
            }
        }
    }

    /** Index of x(i, c, oy*s - padTop + ky, ox*s - padLeft + kx) in an (n, C, H, W) array, or -1 in the padding. */
    private static int inputIndex(ConvShape s, int i, int c, int oy, int ox, int ky, int kx) {
        int iy = oy * s.stride() - s.padTop() + ky;
        int ix = ox * s.stride() - s.padLeft() + kx;
        if (iy < 0 || iy >= s.height() || ix < 0 || ix >= s.width()) {
            return -1;
        }
        return ((i * s.channels() + c) * s.height() + iy) * s.width() + ix;
    }

    /** Index of W(co, c, ky, kx) in a (Cout, Cin, K, K) array. */
    private static int weightIndex(ConvShape s, int co, int c, int ky, int kx) {
        return ((co * s.channels() + c) * s.kernel() + ky) * s.kernel() + kx;
    }

    /** Index of out(i, co, oy, ox) in an (n, Cout, outH, outW) array. */
    private static int outputIndex(ConvShape s, int i, int co, int oy, int ox) {
        return ((i * s.filters() + co) * s.outHeight() + oy) * s.outWidth() + ox;
    }
}
