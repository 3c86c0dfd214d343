package org.tune4j.engine.kernel;

/**
 * The matrices of one Winograd minimal-filtering algorithm F(m x m, r x r) (Lavin and Gray 2016,
 * "Fast Algorithms for Convolutional Neural Networks", eq. 6-8): an m x m tile of a stride-1
 * cross-correlation with an r x r kernel g from an n x n input tile d, n = m + r - 1, as
 *
 * <pre>
 *   Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A          Bᵀ (n x n), G (n x r), Aᵀ (m x n)
 * </pre>
 * n² multiplications per tile and channel pair instead of m² r².
 *
 * <p><b>Construction (Cook-Toom).</b> For the linear convolution s = g * h of an r-tap and an
 * m-tap sequence, evaluate both polynomials at n points (n - 1 finite points p_i and infinity,
 * where a polynomial "evaluates" to its leading coefficient), multiply, and interpolate: s =
 * V⁻¹ [(V_r g) ⊙ (V_m h)], with V_k the n x k evaluation matrix (row i = (1, p_i, ..., p_i^(k-1)),
 * last row e_(k-1)). The correlation y_i = Σ_k g_k d_(i+k) is the transpose of h -> s, so
 * G = V_r, Aᵀ = V_mᵀ and Bᵀ = (V⁻¹)ᵀ. Each row i of Bᵀ is then scaled by the smallest factor
 * making it a primitive integer vector and row i of G divided by the same factor (the product is
 * unchanged; the input and output transforms run in small integers, the fractions sit in the
 * kernel transform, done once per batch). The points:
 * <ul>
 *   <li>F(2x2, 5x5), n = 6: 0, 1, -1, 2, -2, infinity;</li>
 *   <li>F(4x4, 5x5), n = 8: 0, 1, -1, 2, -2, 1/2, -1/2, infinity.</li>
 * </ul>
 * The constants below were generated with exact rational arithmetic from these points;
 * WinogradTransformTest regenerates them the same way (exact fractions) and checks each constant
 * and the 1-D identity on every pair of basis vectors.
 *
 * <p>Only the matrices (immutable; the accessors return copies): {@code layer.WinogradConv} applies
 * them to whole chunks of tiles as matrix products.
 */
public final class WinogradTransform {

    /** F(2x2, 5x5): 6 x 6 input tiles, 36 products per tile and channel pair instead of 100. */
    public static final WinogradTransform F2X2_5X5 = new WinogradTransform(2, 5, new float[] {
        4f, 0f, -5f, 0f, 1f, 0f,
        0f, 4f, 4f, -1f, -1f, 0f,
        0f, -4f, 4f, 1f, -1f, 0f,
        0f, -2f, -1f, 2f, 1f, 0f,
        0f, 2f, -1f, -2f, 1f, 0f,
        0f, 4f, 0f, -5f, 0f, 1f,
    }, new float[] {
        1f / 4, 0f, 0f, 0f, 0f,
        1f / 6, 1f / 6, 1f / 6, 1f / 6, 1f / 6,
        1f / 6, -1f / 6, 1f / 6, -1f / 6, 1f / 6,
        1f / 24, 1f / 12, 1f / 6, 1f / 3, 2f / 3,
        1f / 24, -1f / 12, 1f / 6, -1f / 3, 2f / 3,
        0f, 0f, 0f, 0f, 1f,
    }, new float[] {
        1f, 1f, 1f, 1f, 1f, 0f,
        0f, 1f, -1f, 2f, -2f, 1f,
    });

    /** F(4x4, 5x5): 8 x 8 input tiles, 64 products per tile and channel pair instead of 400. */
    public static final WinogradTransform F4X4_5X5 = new WinogradTransform(4, 5, new float[] {
        4f, 0f, -21f, 0f, 21f, 0f, -4f, 0f,
        0f, -4f, -4f, 17f, 17f, -4f, -4f, 0f,
        0f, 4f, -4f, -17f, 17f, 4f, -4f, 0f,
        0f, 2f, 1f, -10f, -5f, 8f, 4f, 0f,
        0f, -2f, 1f, 10f, -5f, -8f, 4f, 0f,
        0f, 4f, 8f, -5f, -10f, 1f, 2f, 0f,
        0f, -4f, 8f, 5f, -10f, -1f, 2f, 0f,
        0f, -4f, 0f, 21f, 0f, -21f, 0f, 4f,
    }, new float[] {
        1f / 4, 0f, 0f, 0f, 0f,
        1f / 18, 1f / 18, 1f / 18, 1f / 18, 1f / 18,
        1f / 18, -1f / 18, 1f / 18, -1f / 18, 1f / 18,
        1f / 360, 1f / 180, 1f / 90, 1f / 45, 2f / 45,
        1f / 360, -1f / 180, 1f / 90, -1f / 45, 2f / 45,
        16f / 45, 8f / 45, 4f / 45, 2f / 45, 1f / 45,
        16f / 45, -8f / 45, 4f / 45, -2f / 45, 1f / 45,
        0f, 0f, 0f, 0f, 1f / 4,
    }, new float[] {
        1f, 1f, 1f, 1f, 1f, 1f, 1f, 0f,
        0f, 1f, -1f, 2f, -2f, 1f / 2, -1f / 2, 0f,
        0f, 1f, 1f, 4f, 4f, 1f / 4, 1f / 4, 0f,
        0f, 1f, -1f, 8f, -8f, 1f / 8, -1f / 8, 1f,
    });

    private final int m;
    private final int r;
    private final int n;
    private final float[] bt;  // (n, n)
    private final float[] g;   // (n, r)
    private final float[] at;  // (m, n)

    private WinogradTransform(int m, int r, float[] bt, float[] g, float[] at) {
        this.m = m;
        this.r = r;
        this.n = m + r - 1;
        if (bt.length != n * n || g.length != n * r || at.length != m * n) {
            throw new IllegalArgumentException("F(" + m + ", " + r + "): expected matrices " + n + "x" + n + ", "
                    + n + "x" + r + ", " + m + "x" + n);
        }
        this.bt = bt;
        this.g = g;
        this.at = at;
    }

    /** Output tile side m. */
    public int outputTile() { return m; }
    /** Kernel side r. */
    public int kernel() { return r; }
    /** Input tile side n = m + r - 1. */
    public int inputTile() { return n; }

    /** Bᵀ (n x n), row-major, a copy. */
    public float[] bt() { return bt.clone(); }
    /** G (n x r), row-major, a copy. */
    public float[] g() { return g.clone(); }
    /** Aᵀ (m x n), row-major, a copy. */
    public float[] at() { return at.clone(); }
}
