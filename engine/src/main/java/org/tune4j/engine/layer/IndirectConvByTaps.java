package org.tune4j.engine.layer;

import java.util.Arrays;
import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.MatMul;

/**
 * {@link ConvAlgorithm#INDIRECT_TAPS}: {@link IndirectConv} with the weight gradient taken with
 * the output channels along the vectors and each input tap a broadcast:
 *
 * <pre>
 *   dWᵀ(K x Cp)  += Σ_images xp[tap + j] · dyT(cols x Cp)     (tab)
 *   db(Cout)     += Σ_images Σ_j dyT(j, ·)                     (column sums)
 * </pre>
 * where dyT is one image's dOut on the padded-width grid, transposed (channels along the rows, 0
 * off the image and past Cout), and Cp is Cout rounded up to 16 so that the vectors are whole. Any
 * channel count; the computed columns include the grid's thrown-away ones.
 */
final class IndirectConvByTaps extends IndirectConv {

    private final int coutPad;  // Cout rounded up to 16: the rows of dyT and dWT

    IndirectConvByTaps(ConvShape shape) {
        super(shape);
        this.coutPad = (cout + 15) / 16 * 16;
    }

    /** The transposed gradients of one backward call. */
    static final class TapsState extends State {
        final float[] dyT;  // (cols, Cp): one image's dOut on the grid, transposed; 0 off the image and past Cout
        final float[] dWT;  // (Cin*K*K, Cp): the weight gradient of one backward call, transposed
        final float[] dbT;  // (Cp): the bias gradient of one backward call

        TapsState(int capacity, MatMul matMul, IndirectConvByTaps conv) {
            super(capacity, matMul, conv);
            dyT = new float[conv.cols * conv.coutPad];
            dWT = new float[conv.cin * conv.k * conv.k * conv.coutPad];
            dbT = new float[conv.coutPad];
        }
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        return new TapsState(capacity, matMul, this);
    }

    @Override
    void addWeightAndBiasGradients(State state, float[] dParams, int pOff, float[] dOut, int n) {
        TapsState s = (TapsState) state;
        int patch = cin * k * k;
        int biasOff = pOff + cout * patch;
        int outSize = cout * h * w;
        int pixels = h * w;
        Arrays.fill(s.dWT, 0f);
        Arrays.fill(s.dbT, 0f);
        for (int i = 0; i < n; i++) {  // one image at a time: its dyT stays in cache
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
}
