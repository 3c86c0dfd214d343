package org.tune4j.engine.layer;

import java.util.Arrays;
import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.MatMul;

/**
 * {@link ConvAlgorithm#INDIRECT_CHANNELS}: {@link IndirectConv} with the weight gradient taken
 * with the <em>input</em> channels along the vectors. The padded image is transposed to
 * channels-last, xh(g, c) = xp(c, g), so that for one kernel row ky the taps (kx, c) of a pixel
 * are K * Cin consecutive floats, and
 *
 * <pre>
 *   dWh_ky(Cout x K*Cin) += dOut(Cout x P) · xh[pix + ky*Wp*Cin]    (ab; pix(p) = (oy*Wp + ox)*Cin)
 *   db(Cout)             += Σ_P Σ_images dOut                         (column sums over the images, then over P)
 * </pre>
 * with dWh_ky(co, kx*Cin + c) = dW(co, c, ky, kx). It sums only the P = H * W real pixels and the
 * Cout real channels, and needs no transposed copy of dOut. Correct for any channel count; its
 * vectors are whole when K * Cin is a multiple of 16, the condition under which
 * {@link ConvAlgorithm#fastest} picks it.
 */
final class IndirectConvByChannels extends IndirectConv {

    private final int[] pixelRows;  // (H*W): pix(oy, ox) = (oy*Wp + ox)*Cin, the channels-last rows

    IndirectConvByChannels(ConvShape shape) {
        super(shape);
        this.pixelRows = new int[h * w];
        for (int oy = 0; oy < h; oy++) {
            for (int ox = 0; ox < w; ox++) {
                pixelRows[oy * w + ox] = (oy * wp + ox) * cin;
            }
        }
    }

    /** The channels-last image and the by-row gradients of one backward call. */
    static final class ChannelsState extends State {
        final float[] xh;     // (Hp*Wp + K, Cin): one padded image channels-last (+ K zero positions read past it)
        final float[] dWh;    // (K, Cout, K*Cin): the weight gradient of one backward call by kernel row
        final float[] dySum;  // (Cout, H*W): dOut summed over the images of one backward call

        ChannelsState(int capacity, MatMul matMul, IndirectConvByChannels conv) {
            super(capacity, matMul, conv);
            xh = new float[(conv.grid + conv.k) * conv.cin];
            dWh = new float[conv.k * conv.cout * conv.k * conv.cin];
            dySum = new float[conv.cout * conv.h * conv.w];
        }
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        return new ChannelsState(capacity, matMul, this);
    }

    @Override
    void addWeightAndBiasGradients(State state, float[] dParams, int pOff, float[] dOut, int n) {
        ChannelsState s = (ChannelsState) state;
        int kk = k * k;
        int patch = cin * kk;
        int biasOff = pOff + cout * patch;
        int pixels = h * w;
        int outSize = cout * pixels;
        int row = k * cin;  // the taps (kx, c) of one kernel row
        Arrays.fill(s.dWh, 0f);
        Arrays.fill(s.dySum, 0f);
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
}
