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
 * Every transform is a two-sided product L X Lᵀ (or its adjoint Lᵀ X L) applied to all the tiles
 * of a chunk at once: the tiles stored (k, k, tiles·channels), one product by L for the rows and
 * k products for the columns, on the worker's {@link MatMul} ({@link #sandwich}); only the gathers
 * into tiles and the scatter back are loops here. Stride 1 and 5 x 5 kernels only; any padding
 * and image size. Exact in real arithmetic; in float the transforms amplify rounding (a little
 * more for m = 4: see WinogradNumericsTest and BENCHMARKS.md). The worker's state holds the
 * transformed kernels and three buffers of one chunk of images.
 */
final class WinogradConv implements Convolution {

    /** Tiles per chunk (across images) the V and M buffers are sized for, at least one image's. */
    private static final int CHUNK_TILES = 256;

    private final ConvShape s;
    private final ConvShape back;  // dInput = conv(dOut) on this shape
    private final WinogradTransform t;
    private final int chunkImages;
    private final float[] bt;  // (n, n)
    private final float[] g;   // (n, r)
    private final float[] at;  // (m, n)

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
        this.bt = transform.bt();
        this.g = transform.g();
        this.at = transform.at();
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

    /** The transformed kernels and one chunk's buffers (V, M and a scratch of the same size). */
    static final class State extends LayerState {
        final float[] u;       // (n², Cin, Cout) forward kernels
        final float[] uBack;   // (n², Cout, Cin) the turned kernels of the input gradient
        final float[] dU;      // (n², Cin, Cout) weight gradient, transformed
        final float[] wm;      // (r, r, Cin, Cout) weights as the kernel transform reads them
        final float[] kt;      // (n, max(n, r), Cin, Cout) the kernel transforms' middle stage
        final float[] v;       // (n², tiles, max(Cin, Cout))
        final float[] mm;      // (n², tiles, max(Cin, Cout))
        final float[] w;       // (n², tiles, max(Cin, Cout)) scratch

        State(int capacity, MatMul matMul, int n, int cin, int cout, int r, int tiles) {
            super(capacity, matMul);
            int pairs = cin * cout;
            u = new float[n * n * pairs];
            uBack = new float[n * n * pairs];
            dU = new float[n * n * pairs];
            wm = new float[r * r * pairs];
            kt = new float[n * Math.max(n, r) * pairs];
            v = new float[n * n * tiles * Math.max(cin, cout)];
            mm = new float[v.length];
            w = new float[v.length];
        }
    }

    @Override
    public LayerState newState(int capacity, MatMul matMul) {
        int images = Math.min(capacity, chunkImages);
        return new State(capacity, matMul, t.inputTile(), s.channels(), s.filters(), s.kernel(),
                images * Math.max(tiles(s), tiles(back)));
    }

    @Override
    public void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n) {
        State st = (State) state;
        transformKernels(st, params, pOff, s.filters(), s.channels(), false, st.u);
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
            transformKernels(st, params, pOff, s.filters(), s.channels(), true, st.uBack);
            convolve(st, back, st.uBack, dOut, dInput, n, null, 0);
        }
    }

    /** out = conv(input) (+ bias unless null) on shape sh, with kernels u = (n², sh.channels, sh.filters). */
    private void convolve(State st, ConvShape sh, float[] u, float[] input, float[] out, int n,
                          float[] bias, int biasOff) {
        int nn = t.inputTile();
        int m = t.outputTile();
        int cin = sh.channels();
        int cout = sh.filters();
        for (int i0 = 0; i0 < n; i0 += chunkImages) {
            int images = Math.min(chunkImages, n - i0);
            int tiles = images * tiles(sh);
            gatherInput(sh, input, i0, images, tiles, st.w);                              // (n, n, T·Cin)
            sandwich(st.matMul, bt, nn, nn, st.w, st.mm, st.v, tiles * cin, false);      // V = Bᵀ d B
            for (int xi = 0; xi < nn * nn; xi++) {
                st.matMul.ab(st.v, xi * tiles * cin, u, xi * cin * cout, st.mm, xi * tiles * cout,
                        tiles, cin, cout, false);                                        // M[ξ] = V[ξ] U[ξ]
            }
            sandwich(st.matMul, at, m, nn, st.mm, st.w, st.v, tiles * cout, false);      // Y = Aᵀ M A
            scatterOutput(sh, st.v, out, i0, images, tiles, bias, biasOff);
        }
    }

    /** dW += Gᵀ (Σ over chunks and ξ of V[ξ]ᵀ (A dOut Aᵀ)[ξ]) G. */
    private void weightGradient(State st, float[] input, float[] dOut, float[] dParams, int pOff, int n) {
        int nn = t.inputTile();
        int m = t.outputTile();
        int r = s.kernel();
        int cin = s.channels();
        int cout = s.filters();
        Arrays.fill(st.dU, 0f);
        for (int i0 = 0; i0 < n; i0 += chunkImages) {
            int images = Math.min(chunkImages, n - i0);
            int tiles = images * tiles(s);
            gatherInput(s, input, i0, images, tiles, st.w);
            sandwich(st.matMul, bt, nn, nn, st.w, st.mm, st.v, tiles * cin, false);      // V = Bᵀ d B
            gatherOutputGradient(dOut, i0, images, tiles, st.w);                         // (m, m, T·Cout)
            sandwich(st.matMul, at, m, nn, st.w, st.mm, st.w, tiles * cout, true);       // A dY Aᵀ, in place
            for (int xi = 0; xi < nn * nn; xi++) {
                st.matMul.atb(st.v, xi * tiles * cin, st.w, xi * tiles * cout, st.dU, xi * cin * cout,
                        cin, tiles, cout, true);
            }
        }
        int pairs = cin * cout;
        sandwich(st.matMul, g, nn, r, st.dU, st.kt, st.wm, pairs, true);                 // Gᵀ dU G
        for (int co = 0; co < cout; co++) {
            for (int c = 0; c < cin; c++) {
                int to = pOff + (co * cin + c) * r * r;
                for (int j = 0; j < r * r; j++) {
                    dParams[to + j] += st.wm[j * pairs + c * cout + co];
                }
            }
        }
    }

    /**
     * u[ξ](channels x filters) = (G W(f, c) Gᵀ)[ξ] for weights W (filters, channels, r, r) at wOff;
     * turned: for the input gradient, W(c, f) turned 180° (u = (n², filters, channels)).
     */
    private void transformKernels(State st, float[] w, int wOff, int filters, int channels, boolean turned,
                                  float[] u) {
        int r = s.kernel();
        int rr = r * r;
        int pairs = filters * channels;
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                int from = wOff + (f * channels + c) * rr;
                int col = turned ? f * channels + c : c * filters + f;  // (c, f) or, turned, (f as channel, c as filter)
                for (int j = 0; j < rr; j++) {
                    st.wm[j * pairs + col] = w[from + (turned ? rr - 1 - j : j)];
                }
            }
        }
        sandwich(st.matMul, g, t.inputTile(), r, st.wm, st.kt, u, pairs, false);
    }

    /**
     * The two-sided transform of a stack of small matrices x(:, :, j), j &lt; cols, stored (k, k, cols):
     * out (p, p, cols) = L x Lᵀ with L (p x k), or with {@code adjoint} out (k, k, cols) = Lᵀ x L
     * where x is (p, p, cols). Each side is one or p matrix products on the worker's kernel; mid
     * holds the middle stage; out may be x only in the adjoint form when k &gt;= p.
     */
    private static void sandwich(MatMul mm, float[] l, int p, int k, float[] x, float[] mid, float[] out, int cols,
                                 boolean adjoint) {
        if (!adjoint) {
            mm.ab(l, 0, x, 0, mid, 0, p, k, k * cols, false);                            // mid (p, k, cols)
            for (int a = 0; a < p; a++) {
                mm.ab(l, 0, mid, a * k * cols, out, a * p * cols, p, k, cols, false);
            }
        } else {
            mm.atb(l, 0, x, 0, mid, 0, k, p, p * cols, false);                           // mid (k, p, cols)
            for (int a = 0; a < k; a++) {
                mm.atb(l, 0, mid, a * p * cols, out, a * k * cols, k, p, cols, false);
            }
        }
    }

    /** w(a, b, tile·Cin + c) = x(c, y0 + a, x0 + b) of the n x n input tile under each output tile, 0 outside. */
    private void gatherInput(ConvShape sh, float[] input, int i0, int images, int tiles, float[] w) {
        int n = t.inputTile();
        int m = t.outputTile();
        int h = sh.height();
        int wd = sh.width();
        int cin = sh.channels();
        int cols = tiles * cin;
        int tile = 0;
        for (int i = i0; i < i0 + images; i++) {
            for (int ty = 0; ty < tilesY(sh); ty++) {
                for (int tx = 0; tx < tilesX(sh); tx++, tile++) {
                    int y0 = ty * m - sh.padTop();
                    int x0 = tx * m - sh.padLeft();
                    for (int c = 0; c < cin; c++) {
                        int plane = (i * cin + c) * h * wd;
                        int col = tile * cin + c;
                        for (int a = 0; a < n; a++) {
                            int y = y0 + a;
                            boolean rowInside = y >= 0 && y < h;
                            for (int b = 0; b < n; b++) {
                                int x = x0 + b;
                                w[(a * n + b) * cols + col] = rowInside && x >= 0 && x < wd
                                        ? input[plane + y * wd + x] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** out(co, ty·m + a, tx·m + b) = y(a, b, tile·Cout + co) (+ bias), clipped to the output. */
    private void scatterOutput(ConvShape sh, float[] y, float[] out, int i0, int images, int tiles,
                               float[] bias, int biasOff) {
        int m = t.outputTile();
        int oh = sh.outHeight();
        int ow = sh.outWidth();
        int cout = sh.filters();
        int cols = tiles * cout;
        int tile = 0;
        for (int i = i0; i < i0 + images; i++) {
            for (int ty = 0; ty < tilesY(sh); ty++) {
                for (int tx = 0; tx < tilesX(sh); tx++, tile++) {
                    int rows = Math.min(m, oh - ty * m);
                    int width = Math.min(m, ow - tx * m);
                    for (int co = 0; co < cout; co++) {
                        float b = bias == null ? 0f : bias[biasOff + co];
                        int plane = (i * cout + co) * oh * ow + ty * m * ow + tx * m;
                        int col = tile * cout + co;
                        for (int a = 0; a < rows; a++) {
                            for (int c = 0; c < width; c++) {
                                out[plane + a * ow + c] = y[(a * m + c) * cols + col] + b;
                            }
                        }
                    }
                }
            }
        }
    }

    /** w(a, b, tile·Cout + co) = dOut(co, ty·m + a, tx·m + b), zero past the output's edge. */
    private void gatherOutputGradient(float[] dOut, int i0, int images, int tiles, float[] w) {
        int m = t.outputTile();
        int oh = s.outHeight();
        int ow = s.outWidth();
        int cout = s.filters();
        int cols = tiles * cout;
        int tile = 0;
        for (int i = i0; i < i0 + images; i++) {
            for (int ty = 0; ty < tilesY(s); ty++) {
                for (int tx = 0; tx < tilesX(s); tx++, tile++) {
                    for (int co = 0; co < cout; co++) {
                        int plane = (i * cout + co) * oh * ow;
                        int col = tile * cout + co;
                        for (int a = 0; a < m; a++) {
                            int y = ty * m + a;
                            for (int b = 0; b < m; b++) {
                                int x = tx * m + b;
                                w[(a * m + b) * cols + col] = y < oh && x < ow ? dOut[plane + y * ow + x] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }
}
