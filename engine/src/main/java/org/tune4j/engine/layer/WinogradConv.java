package org.tune4j.engine.layer;

import java.util.Arrays;
import org.tune4j.engine.kernel.ConvShape;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.kernel.WinogradTransform;

/**
 * {@link ConvAlgorithm#WINOGRAD} and {@link ConvAlgorithm#WINOGRAD_4X4}: Winograd minimal
 * filtering F(m x m, 5 x 5) (Lavin and Gray 2016, sections 4-5; the matrices in
 * {@link WinogradTransform}). The output is cut into m x m tiles (the last row and column of tiles
 * clipped when m does not divide the output), each read from an n x n input tile, zero outside the
 * image. Per chunk of images, with ξ one of the n² transform positions and t a tile:
 *
 * <pre>
 *   U[ξ](Cin x Cout)  = (G W(co, c) Gᵀ)[ξ]                 once per call
 *   V[ξ](T x Cin)     = (Bᵀ x(t, c) B)[ξ]
 *   M[ξ](T x Cout)    = V[ξ] · U[ξ]                         n² matrix products        (ab)
 *   out(t, co)        = Aᵀ M(t, co) A + b(co), clipped to the output
 *   dU[ξ](Cin x Cout) += V[ξ]ᵀ · (A dOut(t, co) Aᵀ)[ξ]       n² matrix products        (atb)
 *   dW(co, c)        += Gᵀ dU(c, co) G                       once per backward call
 *   dx                = the forward algorithm on dOut, the kernel turned 180° with the channels
 *                       swapped, padding r - 1 - pad (the "full" correlation)
 * </pre>
 * Stride 1 and 5 x 5 kernels only; any padding and image size. Exact in real arithmetic; in
 * float the transforms amplify rounding (larger for m = 4: see WinogradNumericsTest and
 * BENCHMARKS.md). The worker's state holds the transformed kernels and the V, M buffers of one
 * chunk of images.
 */
final class WinogradConv implements Convolution {

    /** Tiles per chunk (across images) the V and M buffers are sized for, at least one image's. */
    private static final int CHUNK_TILES = 256;

    private final ConvShape s;
    private final ConvShape back;  // dInput = conv(dOut) on this shape
    private final WinogradTransform t;
    private final int chunkImages;

    WinogradConv(ConvShape shape, WinogradTransform transform) {
        if (shape.stride() != 1 || shape.kernel() != transform.kernel()) {
            throw new IllegalArgumentException("Winograd F(" + transform.outputTile() + "x" + transform.outputTile()
                    + ", " + transform.kernel() + "x" + transform.kernel() + ") needs stride 1 and a "
                    + transform.kernel() + "x" + transform.kernel() + " kernel, found stride " + shape.stride()
                    + " and kernel " + shape.kernel());
        }
        int r = shape.kernel();
        this.s = shape;
        this.back = new ConvShape(shape.filters(), shape.outHeight(), shape.outWidth(), shape.channels(), r, 1,
                r - 1 - shape.padTop(), r - 1 - shape.padLeft(), shape.height(), shape.width());
        this.t = transform;
        this.chunkImages = Math.max(1, CHUNK_TILES / Math.max(tiles(shape), tiles(back)));
    }

    /** Whether a Winograd F(m x m, r x r) convolution computes this shape. */
    static boolean supports(ConvShape shape, WinogradTransform transform) {
        return shape.stride() == 1 && shape.kernel() == transform.kernel();
    }

    /** Output tiles of one image. */
    private int tiles(ConvShape sh) {
        return tilesY(sh) * tilesX(sh);
    }

    private int tilesY(ConvShape sh) {
        return (sh.outHeight() + t.outputTile() - 1) / t.outputTile();
    }

    private int tilesX(ConvShape sh) {
        return (sh.outWidth() + t.outputTile() - 1) / t.outputTile();
    }

    /** The transformed kernels, one chunk's V and M, and one tile's scratch. */
    static final class State extends LayerState {
        final float[] u;       // (n², Cin, Cout) forward kernels
        final float[] uBack;   // (n², Cout, Cin) the turned kernels of the input gradient
        final float[] dU;      // (n², Cin, Cout) weight gradient, transformed
        final float[] turned;  // (Cin, Cout, r, r)
        final float[] v;       // (n², tiles, max(Cin, Cout))
        final float[] mm;      // (n², tiles, max(Cin, Cout))
        final float[] tile = new float[64];
        final float[] tile2 = new float[64];
        final float[] tmp = new float[64];

        State(int capacity, MatMul matMul, int n2, int cin, int cout, int r, int tiles) {
            super(capacity, matMul);
            u = new float[n2 * cin * cout];
            uBack = new float[n2 * cin * cout];
            dU = new float[n2 * cin * cout];
            turned = new float[cin * cout * r * r];
            v = new float[n2 * tiles * Math.max(cin, cout)];
            mm = new float[n2 * tiles * Math.max(cin, cout)];
        }
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        int n = t.inputTile();
        int images = Math.min(capacity, chunkImages);
        return new State(capacity, matMul, n * n, s.channels(), s.filters(), s.kernel(),
                images * Math.max(tiles(s), tiles(back)));
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        State st = (State) state;
        transformKernels(st, params, pOff, s.filters(), s.channels(), st.u);
        convolve(st, s, st.u, input, out, n, params, pOff + s.filters() * s.patch());
    }

    @Override
    public void backward(LayerState state, float[] params, float[] dParams, int pOff,
                         float[] input, float[] dOut, float[] dInput, int n) {
        State st = (State) state;
        int biasOff = pOff + s.filters() * s.patch();
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < s.filters(); f++) {
                float sum = 0f;
                int row = (i * s.filters() + f) * s.pixels();
                for (int j = 0; j < s.pixels(); j++) {
                    sum += dOut[row + j];
                }
                dParams[biasOff + f] += sum;
            }
        }
        weightGradient(st, input, dOut, dParams, pOff, n);
        if (dInput != null) {
            turnKernels(params, pOff, st.turned);
            transformKernels(st, st.turned, 0, s.channels(), s.filters(), st.uBack);
            convolve(st, back, st.uBack, dOut, dInput, n, null, 0);
        }
    }

    /** out = conv(input) (+ bias unless null) on shape sh, with kernels u = (n², sh.channels, sh.filters). */
    private void convolve(State st, ConvShape sh, float[] u, float[] input, float[] out, int n,
                          float[] bias, int biasOff) {
        int n2 = t.inputTile() * t.inputTile();
        int cin = sh.channels();
        int cout = sh.filters();
        for (int i0 = 0; i0 < n; i0 += chunkImages) {
            int images = Math.min(chunkImages, n - i0);
            int tiles = images * tiles(sh);
            transformInput(st, sh, input, i0, images, tiles);
            for (int xi = 0; xi < n2; xi++) {
                st.matMul.ab(st.v, xi * tiles * cin, u, xi * cin * cout, st.mm, xi * tiles * cout,
                        tiles, cin, cout, false);
            }
            transformOutput(st, sh, out, i0, images, tiles, bias, biasOff);
        }
    }

    /** dW += Σ over chunks of Gᵀ (Σ_ξ V[ξ]ᵀ (A dOut Aᵀ)[ξ]) G. */
    private void weightGradient(State st, float[] input, float[] dOut, float[] dParams, int pOff, int n) {
        int n2 = t.inputTile() * t.inputTile();
        int cin = s.channels();
        int cout = s.filters();
        Arrays.fill(st.dU, 0f);
        for (int i0 = 0; i0 < n; i0 += chunkImages) {
            int images = Math.min(chunkImages, n - i0);
            int tiles = images * tiles(s);
            transformInput(st, s, input, i0, images, tiles);
            transformOutputGradient(st, dOut, i0, images, tiles);
            for (int xi = 0; xi < n2; xi++) {
                st.matMul.atb(st.v, xi * tiles * cin, st.mm, xi * tiles * cout, st.dU, xi * cin * cout,
                        cin, tiles, cout, true);
            }
        }
        int r = s.kernel();
        for (int c = 0; c < cin; c++) {
            for (int co = 0; co < cout; co++) {
                for (int xi = 0; xi < n2; xi++) {
                    st.tile[xi] = st.dU[(xi * cin + c) * cout + co];
                }
                t.kernelGradient(st.tile, st.tmp, st.tile2);
                int w = pOff + (co * cin + c) * r * r;
                for (int j = 0; j < r * r; j++) {
                    dParams[w + j] += st.tile2[j];
                }
            }
        }
    }

    /** u[ξ](channels x filters) = (G W(f, c) Gᵀ)[ξ] for weights (filters, channels, r, r) at wOff. */
    private void transformKernels(State st, float[] w, int wOff, int filters, int channels, float[] u) {
        int n2 = t.inputTile() * t.inputTile();
        int rr = s.kernel() * s.kernel();
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                t.kernel(w, wOff + (f * channels + c) * rr, st.tmp, st.tile);
                for (int xi = 0; xi < n2; xi++) {
                    u[(xi * channels + c) * filters + f] = st.tile[xi];
                }
            }
        }
    }

    /** turned(c, co, ky, kx) = W(co, c, r-1-ky, r-1-kx): the input gradient's kernels. */
    private void turnKernels(float[] params, int pOff, float[] turned) {
        int r = s.kernel();
        int cin = s.channels();
        int cout = s.filters();
        for (int c = 0; c < cin; c++) {
            for (int co = 0; co < cout; co++) {
                int to = (c * cout + co) * r * r;
                int from = pOff + (co * cin + c) * r * r;
                for (int j = 0; j < r * r; j++) {
                    turned[to + j] = params[from + r * r - 1 - j];
                }
            }
        }
    }

    /** v[ξ](tile, c) = (Bᵀ x Bᵀᵀ)[ξ] for the n x n input tile under each output tile, zero outside. */
    private void transformInput(State st, ConvShape sh, float[] input, int i0, int images, int tiles) {
        int n = t.inputTile();
        int m = t.outputTile();
        int h = sh.height();
        int w = sh.width();
        int cin = sh.channels();
        int tile = 0;
        for (int i = i0; i < i0 + images; i++) {
            for (int ty = 0; ty < tilesY(sh); ty++) {
                for (int tx = 0; tx < tilesX(sh); tx++, tile++) {
                    int y0 = ty * m - sh.padTop();
                    int x0 = tx * m - sh.padLeft();
                    for (int c = 0; c < cin; c++) {
                        int plane = (i * cin + c) * h * w;
                        for (int a = 0; a < n; a++) {
                            int y = y0 + a;
                            for (int b = 0; b < n; b++) {
                                int x = x0 + b;
                                st.tile[a * n + b] = y >= 0 && y < h && x >= 0 && x < w ? input[plane + y * w + x] : 0f;
                            }
                        }
                        t.input(st.tile, st.tmp, st.tile2);
                        for (int xi = 0; xi < n * n; xi++) {
                            st.v[(xi * tiles + tile) * cin + c] = st.tile2[xi];
                        }
                    }
                }
            }
        }
    }

    /** out(tile, co) = Aᵀ M(tile, co) A (+ bias), the clipped part of each tile written. */
    private void transformOutput(State st, ConvShape sh, float[] out, int i0, int images, int tiles,
                                 float[] bias, int biasOff) {
        int n = t.inputTile();
        int m = t.outputTile();
        int oh = sh.outHeight();
        int ow = sh.outWidth();
        int cout = sh.filters();
        int tile = 0;
        for (int i = i0; i < i0 + images; i++) {
            for (int ty = 0; ty < tilesY(sh); ty++) {
                for (int tx = 0; tx < tilesX(sh); tx++, tile++) {
                    int rows = Math.min(m, oh - ty * m);
                    int cols = Math.min(m, ow - tx * m);
                    for (int co = 0; co < cout; co++) {
                        for (int xi = 0; xi < n * n; xi++) {
                            st.tile[xi] = st.mm[(xi * tiles + tile) * cout + co];
                        }
                        t.output(st.tile, st.tmp, st.tile2);
                        float b = bias == null ? 0f : bias[biasOff + co];
                        int plane = (i * cout + co) * oh * ow + ty * m * ow + tx * m;
                        for (int a = 0; a < rows; a++) {
                            for (int c = 0; c < cols; c++) {
                                out[plane + a * ow + c] = st.tile2[a * m + c] + b;
                            }
                        }
                    }
                }
            }
        }
    }

    /** mm[ξ](tile, co) = (A dOut(tile, co) Aᵀ)[ξ], dOut read as zero past the output's edge. */
    private void transformOutputGradient(State st, float[] dOut, int i0, int images, int tiles) {
        int n = t.inputTile();
        int m = t.outputTile();
        int oh = s.outHeight();
        int ow = s.outWidth();
        int cout = s.filters();
        int tile = 0;
        for (int i = i0; i < i0 + images; i++) {
            for (int ty = 0; ty < tilesY(s); ty++) {
                for (int tx = 0; tx < tilesX(s); tx++, tile++) {
                    for (int co = 0; co < cout; co++) {
                        int plane = (i * cout + co) * oh * ow;
                        for (int a = 0; a < m; a++) {
                            int y = ty * m + a;
                            for (int b = 0; b < m; b++) {
                                int x = tx * m + b;
                                st.tile[a * m + b] = y < oh && x < ow ? dOut[plane + y * ow + x] : 0f;
                            }
                        }
                        t.outputGradient(st.tile, st.tmp, st.tile2);
                        for (int xi = 0; xi < n * n; xi++) {
                            st.mm[(xi * tiles + tile) * cout + co] = st.tile2[xi];
                        }
                    }
                }
            }
        }
    }
}
