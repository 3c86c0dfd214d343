package org.tune4j.engine.kernel;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix products on the Vector API ({@code jdk.incubator.vector}): register-blocked FMA
 * micro-kernels that agree with {@link ScalarMatMul} up to float rounding (sums are taken in a
 * different order).
 *
 * <p><b>ab and atb</b> share one blocked product. A block of A (up to {@value #MC} rows by
 * {@value #KC} of k) is copied row-major (rows past the block zero up to a multiple of
 * {@value #MR}) whichever way A is stored; that copy is the only difference between ab and atb.
 * B is read in strips of {@code NR = 4 * lanes} columns (64 with
 * 512-bit vectors). When A has at least {@value #PACK_B_ROWS} rows, a block of B ({@value #KC} x
 * {@value #NC}) is first copied, row by row, into contiguous strips that then sit in L2 and L1
 * for every micro-panel of A; with fewer rows of A (a worker's 64-image slice in the dense
 * layers, conv1's 16, conv2's 36) the copy does not pay back and B is read in place (GotoBLAS loop
 * order either way, measured in MatMulBenchmark). The micro-kernel keeps a 6 x NR tile of C in 24
 * vector accumulators, broadcasts one element of each of six rows of A and issues 24 FMAs per
 * step of k ({@link SimdRowPanelKernel}; 4 x NR, 16 accumulators, ran about 10% slower on the
 * dense and square shapes). The last strip,
 * narrower than NR, is packed zero-padded and run one vector of columns at a time by a narrow
 * kernel; partial tiles (fewer than 6 rows, or a partial vector) are computed into a small tile
 * buffer whose valid part is then copied out. Two shapes skip the copy of A, whose floats would
 * each be read once: when C is exactly one strip wide and A is row-major, A is read in place
 * ({@link #rowPanelProduct}); when atb's C is narrower than a strip (a dense layer's dW for 16
 * units), it runs as Cᵀ = Bᵀ · A, with A as the operand read in strips.
 *
 * <p><b>abt</b> (C = A · Bᵀ) takes one of three routes by shape:
 * <ul>
 *   <li>k below {@link #SHORT_K} (four vectors: 64 floats at 512 bits): Bᵀ is copied and the
 *       blocked product runs on it (a dot product that short spends more on its lane sum than on
 *       its FMAs);</li>
 *   <li>m and n at least NR: Cᵀ = B · Aᵀ through the blocked product (B its A operand, read in
 *       place when m is exactly one strip, Aᵀ copied, Cᵀ transposed back: copies of m(k + n)
 *       floats for mnk FMAs);</li>
 *   <li>otherwise (the backward-weights products, where k, the pixels, is long and m or n is a
 *       few channels): blocks of 4 x 4 dot products with vectors along k, reduced across lanes
 *       once per chunk of {@value #KC_DOT} floats of k, B read in place. The last k % lanes
 *       floats of every row are copied, zero-padded, into one extra vector per row and joined to
 *       the last chunk.</li>
 * </ul>
 *
 * <p>Scratch: each thread that calls this object gets one {@link Scratch}, held by a
 * {@link ThreadLocal} for the life of the thread: about 770 KB of fixed packing buffers plus, for
 * abt, the copied transposes and one vector per row of A and of B when k is not a multiple of the
 * lane count (grow-only).
 * There is no allocation per call in the steady state. C must not overlap A or B. Only load this
 * class when the {@code jdk.incubator.vector} module is present: go through
 * {@link Kernels#matMul(KernelMode)}.
 */
public final class SimdMatMul implements MatMul {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector (16 for 512-bit vectors). */
    private static final int L = S.length();
    /** Rows of C per micro-tile. */
    static final int MR = 6;
    /** Columns of C per micro-tile: four vectors. */
    private static final int NR = 4 * L;
    /** Depth of a packed block of k: a 128 x 64 panel of B (32 KB) stays in L1. */
    static final int KC = 128;
    /** Rows of a packed block of A: 512 x 128 floats (256 KB) stay in L2. */
    static final int MC = 512;
    /** Columns of a packed block of B: 128 x 1024 floats (512 KB) stay in L2. */
    static final int NC = 1024;
    /**
     * Depth of k between lane reductions in abt: four rows of B (16 KB) stay in L1 while the rows
     * of A stream from L2; measured 10-15% faster than 2048 on conv2's backward-weights.
     */
    static final int KC_DOT = 1024;

    /**
     * Rows of A from which B is packed rather than read in place (measured: the dense forward with
     * a 64-row slice, 1764 x 512 weights, ran 15% faster reading B in place; 512 rows pack).
     */
    static final int PACK_B_ROWS = 128;

    /** When to copy a strip of B into a contiguous panel; see {@link #packB(int, int)}. */
    enum BPacking { AUTO, ALWAYS, NEVER }

    private final BPacking bPacking;
    private final int kcMax;
    private final int ncMax;
    private final int kcDot;
    private final ThreadLocal<Scratch> scratch;

    public SimdMatMul() {
        this(BPacking.AUTO);
    }

    /** For tests that force one B path. */
    SimdMatMul(BPacking bPacking) {
        this(bPacking, KC, NC, KC_DOT);
    }

    /** For tests and tuning: block sizes other than {@link #KC}, {@link #NC}, {@link #KC_DOT}. */
    SimdMatMul(BPacking bPacking, int kc, int nc, int kcDot) {
        if (kc < 1 || nc < NR || kcDot < L || kcDot % L != 0) {
            throw new IllegalArgumentException("block sizes: expected kc >= 1, nc >= " + NR
                    + ", kcDot a positive multiple of " + L + "; got " + kc + ", " + nc + ", " + kcDot);
        }
        this.bPacking = bPacking;
        this.kcMax = kc;
        this.ncMax = nc;
        this.kcDot = kcDot;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(kc, nc));
    }

    /** The vector width this kernel runs at, e.g. "512-bit (16 floats)". */
    public static String vectorShape() {
        return S.vectorBitSize() + "-bit (" + L + " floats)";
    }

    /** Per-thread packing buffers; fixed size, allocated once per thread. */
    private static final class Scratch {
        /** Packed A block: up to MC rows x kc, row-major, zero rows up to a multiple of MR. */
        final float[] a;
        /** Packed B block: kc x nc (nc rounded up to NR), strip of NR columns after strip. */
        final float[] b;
        /** Edge tile of C: MR x NR. */
        final float[] tile = new float[MR * NR];
        /** abt: a 4 x 4 block's 16 vector partial sums, reduced lane by lane after the block. */
        final float[] sums = new float[16 * L];
        /** abt: the last k % L floats of each row of a and of b, one vector per row; grow-only. */
        private float[] tailA = new float[0];
        private float[] tailB = new float[0];
        /** abt with a short k: Bᵀ; through the blocked kernel: Aᵀ. Grow-only. */
        private float[] transposed = new float[0];
        /** abt through the blocked kernel: Cᵀ; grow-only. */
        private float[] product = new float[0];

        Scratch(int kc, int nc) {
            a = new float[(MC + MR - 1) / MR * MR * kc];  // whole micro-panels
            b = new float[kc * ((nc + NR - 1) / NR) * NR];
        }

        float[] tailA(int rows) {
            return tailA = atLeast(tailA, rows * L);
        }

        float[] tailB(int rows) {
            return tailB = atLeast(tailB, rows * L);
        }

        float[] transposed(int size) {
            return transposed = atLeast(transposed, size);
        }

        float[] product(int size) {
            return product = atLeast(product, size);
        }

        /** buffer if it holds size floats, else a new one that does (grow-only scratch). */
        private static float[] atLeast(float[] buffer, int size) {
            return buffer.length >= size ? buffer : new float[size];
        }
    }

    @Override
    public void ab(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        // A(i, p) = a[aOff + i * k + p]
        blocked(a, aOff, k, 1, b, bOff, c, cOff, m, k, n, accumulate);
    }

    @Override
    public void atb(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        if (n < NR && m >= NR && k > 0) {
            // a narrow C (the dense layers' dW with 16 or 10 units): as Cᵀ(n x m) = bᵀ · a, a is
            // then the B operand, read in strips of NR columns, instead of packed for one narrow
            // strip (MatMulBenchmark dense16_bwd_weights, 1764 x 64 x 16: 34-47 -> 80-83 GFLOP/s)
            Scratch s = scratch.get();
            float[] ct = s.product(n * m);
            blocked(b, bOff, 1, n, a, aOff, ct, 0, n, k, m, false);  // bᵀ(i, p) = b[bOff + p * n + i]
            addTransposed(ct, c, cOff, m, n, accumulate);
            return;
        }
        // a is stored (k x m): A(i, p) = a[aOff + p * m + i]
        blocked(a, aOff, 1, m, b, bOff, c, cOff, m, k, n, accumulate);
    }

    // ---------------------------------------------------------------------------------------
    // ab / atb: packed A, B in place or packed, 6 x NR micro-kernel

    /**
     * c(m x n) (+)= A · b(k x n) where A(i, p) = a[aOff + i * rowStride + p * colStride].
     * Loop order as in GotoBLAS: column chunks of NC, then blocks of k, then blocks of MC rows,
     * then strips of NR columns, then micro-panels of MR rows.
     */
    private void blocked(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff,
                         float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, cOff, cOff + m * n, 0f);
            }
            return;
        }
        Scratch s = scratch.get();
        if (n == NR && colStride == 1) {
            rowPanelProduct(s, a, aOff, rowStride, b, bOff, c, cOff, m, k, accumulate);
            return;
        }
        boolean packB = packB(m);
        // split k into equal blocks of at most KC (400 -> 4 x 100, not 3 x 128 + 16)
        int kBlocks = (k + kcMax - 1) / kcMax;
        int kcMax = (k + kBlocks - 1) / kBlocks;
        for (int jc = 0; jc < n; jc += ncMax) {
            int nc = Math.min(ncMax, n - jc);
            for (int kb = 0; kb < k; kb += kcMax) {
                int kc = Math.min(kcMax, k - kb);
                boolean loadC = accumulate || kb > 0;
                int bBlock = bOff + kb * n + jc;
                int fullCols = nc - nc % NR;
                if (packB) {
                    packBBlock(b, bBlock, n, kc, 0, nc, s.b);
                } else if (fullCols < nc) {
                    packBBlock(b, bBlock, n, kc, fullCols, nc, s.b);
                }
                for (int ib = 0; ib < m; ib += MC) {
                    int mc = Math.min(MC, m - ib);
                    packA(a, aOff + ib * rowStride + kb * colStride, rowStride, colStride, mc, kc, s.a);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int cols = Math.min(NR, nc - jr);
                        float[] panel = s.b;
                        int panelOff = jr * kc;
                        int ldb = NR;
                        if (!packB && cols == NR) {
                            panel = b;
                            panelOff = bBlock + jr;
                            ldb = n;
                        }
                        int cStrip = cOff + ib * n + jc + jr;
                        if (cols == NR) {
                            int ir = 0;
                            for (; ir + MR <= mc; ir += MR) {
                                SimdRowPanelKernel.kernel(s.a, ir * kc, kc, panel, panelOff, ldb, c, cStrip + ir * n, n, kc, loadC);
                            }
                            if (ir < mc) {
                                edgeTile(s, ir * kc, panel, panelOff, ldb, c, cStrip + ir * n, n,
                                        mc - ir, NR, kc, loadC);
                            }
                        } else {
                            narrowStrip(s, panelOff, c, cStrip, n, mc, cols, kc, loadC);
                        }
                    }
                }
            }
        }
    }

    /**
     * c(m x NR) (+)= A · b(k x NR) with A row-major (lda apart) and read in place. When C is one
     * strip of NR columns (the Cᵀ route of the dense backward-data product: Cᵀ(1764 x 64) =
     * W(1764 x 512) · dOutᵀ for a worker's 64 images), each packed float of A would be read once,
     * so packing cost as much memory traffic as the kernel; here each of a tile's six rows of A is
     * one sequential stream ({@link SimdRowPanelKernel}). B, k x NR, is already a packed strip and
     * is read in place too; k is split only above 4 * kc (512 floats: the strip, 128 KB, sits in
     * L2), so each tile of C is loaded and stored once. The last rows, fewer than MR, are packed
     * and run as an edge tile. (dense_bwd_data, MatMulBenchmark: 103-120 GFLOP/s packed,
     * 142-162 in place in blocks of kc, 167 unsplit.)
     */
    private void rowPanelProduct(Scratch s, float[] a, int aOff, int lda, float[] b, int bOff,
                                 float[] c, int cOff, int m, int k, boolean accumulate) {
        int kBlocks = (k + 4 * kcMax - 1) / (4 * kcMax);
        int kcRows = (k + kBlocks - 1) / kBlocks;  // at most 4 * kcMax: MR rows of it fit in s.a
        for (int kb = 0; kb < k; kb += kcRows) {
            int kc = Math.min(kcRows, k - kb);
            boolean loadC = accumulate || kb > 0;
            int bBlock = bOff + kb * NR;
            int ir = 0;
            for (; ir + MR <= m; ir += MR) {
                SimdRowPanelKernel.kernel(a, aOff + ir * lda + kb, lda, b, bBlock, NR, c, cOff + ir * NR, NR,
                        kc, loadC);
            }
            if (ir < m) {
                packA(a, aOff + ir * lda + kb, lda, 1, m - ir, kc, s.a);
                edgeTile(s, 0, b, bBlock, NR, c, cOff + ir * NR, NR, m - ir, NR, kc, loadC);
            }
        }
    }

    /**
     * The last strip, narrower than NR (packed, zero-padded in s.b): one vector of columns at a
     * time, so 196 columns cost 13 vectors rather than 4 full strips.
     */
    private static void narrowStrip(Scratch s, int panelOff, float[] c, int cStrip, int ldc,
                                    int mc, int cols, int kc, boolean loadC) {
        for (int v = 0; v < cols; v += L) {
            int vCols = Math.min(L, cols - v);
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int cTile = cStrip + ir * ldc + v;
                if (rows == MR && vCols == L) {
                    narrowKernel(s.a, ir * kc, s.b, panelOff + v, NR, c, cTile, ldc, kc, loadC);
                } else {
                    float[] tile = s.tile;
                    if (loadC) {
                        for (int r = 0; r < rows; r++) {
                            System.arraycopy(c, cTile + r * ldc, tile, r * NR, vCols);
                        }
                    }
                    narrowKernel(s.a, ir * kc, s.b, panelOff + v, NR, tile, 0, NR, kc, loadC);
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(tile, r * NR, c, cTile + r * ldc, vCols);
                    }
                }
            }
        }
    }

    /**
     * Copying B pays when each strip is reused by enough micro-panels of A: the packed block is
     * read row by row (long sequential runs the prefetcher follows) and then sits in L2, each
     * strip contiguous in L1. For a few rows of A (conv1: 16) B is read in place.
     */
    private boolean packB(int m) {
        return switch (bPacking) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> m >= PACK_B_ROWS;
        };
    }

    /**
     * Copies rows [0, mc) x [0, kc) of A row-major into dst (row r at dst[r * kc]), zero rows after
     * mc up to a whole micro-panel of MR: the kernel reads a panel's six rows as six sequential
     * runs, as it reads a row-major A in place. Reads along whichever index of A is contiguous.
     */
    private static void packA(float[] a, int off, int rowStride, int colStride, int mc, int kc, float[] dst) {
        if (colStride == 1) {
            for (int r = 0; r < mc; r++) {
                System.arraycopy(a, off + r * rowStride, dst, r * kc, kc);
            }
        } else {  // 16 rows at a time: each float of a cache line read is used, 16 rows written
            for (int i0 = 0; i0 < mc; i0 += 16) {
                int rows = Math.min(16, mc - i0);
                for (int p = 0; p < kc; p++) {
                    int src = off + i0 * rowStride + p * colStride;
                    int d = i0 * kc + p;
                    for (int r = 0; r < rows; r++) {
                        dst[d + r * kc] = a[src + r * rowStride];
                    }
                }
            }
        }
        int panels = (mc + MR - 1) / MR;
        Arrays.fill(dst, mc * kc, panels * MR * kc, 0f);
    }

    /**
     * Packs columns [from, to) of kc rows of B (row stride ldb) into strips of NR columns, each
     * strip kc x NR contiguous at dst[(column of the strip) * kc]; a last partial strip is
     * zero-padded. Reads each row of B sequentially.
     */
    private static void packBBlock(float[] b, int off, int ldb, int kc, int from, int to, float[] dst) {
        for (int p = 0; p < kc; p++) {
            int src = off + p * ldb;
            for (int jr = from; jr < to; jr += NR) {
                int cols = Math.min(NR, to - jr);
                int d = jr * kc + p * NR;
                System.arraycopy(b, src + jr, dst, d, cols);
                if (cols < NR) {
                    Arrays.fill(dst, d + cols, d + NR, 0f);
                }
            }
        }
    }

    /** Runs the kernel into the tile buffer for a partial tile of rows x cols and copies it out. */
    private static void edgeTile(Scratch s, int apOff, float[] panel, int panelOff, int ldb,
                                 float[] c, int cOff, int ldc, int rows, int cols, int kc, boolean loadC) {
        float[] tile = s.tile;
        if (loadC) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, cOff + r * ldc, tile, r * NR, cols);
            }
        }
        SimdRowPanelKernel.kernel(s.a, apOff, kc, panel, panelOff, ldb, tile, 0, NR, kc, loadC);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, cOff + r * ldc, cols);
        }
    }

    /**
     * The narrow kernel for the last columns: c[6 x L] (+)= ap[6 x kc] · b[kc x L]. Even and odd
     * steps of k go to separate accumulators, so twelve FMA chains are in flight.
     */
    private static void narrowKernel(float[] ap, int apOff, float[] b, int bOff, int ldb,
                                     float[] c, int cOff, int ldc, int kc, boolean loadC) {
        int a0 = apOff;  // the panel's six rows, kc floats each
        int a1 = apOff + kc;
        int a2 = apOff + 2 * kc;
        int a3 = apOff + 3 * kc;
        int a4 = apOff + 4 * kc;
        int a5 = apOff + 5 * kc;
        FloatVector z = FloatVector.zero(S);
        FloatVector e0 = loadC ? FloatVector.fromArray(S, c, cOff) : z;
        FloatVector e1 = loadC ? FloatVector.fromArray(S, c, cOff + ldc) : z;
        FloatVector e2 = loadC ? FloatVector.fromArray(S, c, cOff + 2 * ldc) : z;
        FloatVector e3 = loadC ? FloatVector.fromArray(S, c, cOff + 3 * ldc) : z;
        FloatVector e4 = loadC ? FloatVector.fromArray(S, c, cOff + 4 * ldc) : z;
        FloatVector e5 = loadC ? FloatVector.fromArray(S, c, cOff + 5 * ldc) : z;
        FloatVector o0 = z, o1 = z, o2 = z, o3 = z, o4 = z, o5 = z;
        int p = 0;
        for (; p + 2 <= kc; p += 2) {
            FloatVector be = FloatVector.fromArray(S, b, bOff + p * ldb);
            FloatVector bo = FloatVector.fromArray(S, b, bOff + (p + 1) * ldb);
            e0 = be.fma(FloatVector.broadcast(S, ap[a0 + p]), e0);
            e1 = be.fma(FloatVector.broadcast(S, ap[a1 + p]), e1);
            e2 = be.fma(FloatVector.broadcast(S, ap[a2 + p]), e2);
            e3 = be.fma(FloatVector.broadcast(S, ap[a3 + p]), e3);
            e4 = be.fma(FloatVector.broadcast(S, ap[a4 + p]), e4);
            e5 = be.fma(FloatVector.broadcast(S, ap[a5 + p]), e5);
            o0 = bo.fma(FloatVector.broadcast(S, ap[a0 + p + 1]), o0);
            o1 = bo.fma(FloatVector.broadcast(S, ap[a1 + p + 1]), o1);
            o2 = bo.fma(FloatVector.broadcast(S, ap[a2 + p + 1]), o2);
            o3 = bo.fma(FloatVector.broadcast(S, ap[a3 + p + 1]), o3);
            o4 = bo.fma(FloatVector.broadcast(S, ap[a4 + p + 1]), o4);
            o5 = bo.fma(FloatVector.broadcast(S, ap[a5 + p + 1]), o5);
        }
        if (p < kc) {
            FloatVector be = FloatVector.fromArray(S, b, bOff + p * ldb);
            e0 = be.fma(FloatVector.broadcast(S, ap[a0 + p]), e0);
            e1 = be.fma(FloatVector.broadcast(S, ap[a1 + p]), e1);
            e2 = be.fma(FloatVector.broadcast(S, ap[a2 + p]), e2);
            e3 = be.fma(FloatVector.broadcast(S, ap[a3 + p]), e3);
            e4 = be.fma(FloatVector.broadcast(S, ap[a4 + p]), e4);
            e5 = be.fma(FloatVector.broadcast(S, ap[a5 + p]), e5);
        }
        e0.add(o0).intoArray(c, cOff);
        e1.add(o1).intoArray(c, cOff + ldc);
        e2.add(o2).intoArray(c, cOff + 2 * ldc);
        e3.add(o3).intoArray(c, cOff + 3 * ldc);
        e4.add(o4).intoArray(c, cOff + 4 * ldc);
        e5.add(o5).intoArray(c, cOff + 5 * ldc);
    }

    // ---------------------------------------------------------------------------------------
    // abt: blocks of dot products along k, or Bᵀ copied and ab when k is short

    /**
     * Below this k, abt copies Bᵀ and runs {@link #ab}: a dot product of fewer than 4 vectors
     * spends more on its lane sum than on its FMAs (the tutorial's dense backward, dX(128 x 1764) =
     * dOut(128 x 16) · W(1764 x 16)ᵀ, ran at 6 GFLOP/s as dots).
     */
    static final int SHORT_K = 4 * L;

    /**
     * abt for wide outputs through the blocked kernel: Cᵀ(n x m) = B(n x k) · Aᵀ(k x m), with B
     * the kernel's A operand (read in place when m = NR, see {@link #rowPanelProduct}), Aᵀ copied
     * (m x k floats) and Cᵀ transposed back (m x n): O(m(k + n)) copies for O(mnk) FMAs. The dense
     * backward-data product, dX(64 x 1764) = dOut(64 x 512) · W(1764 x 512)ᵀ, ran at 47% of the
     * peak as dot products.
     */
    private void transposedBlocked(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                   int m, int k, int n, boolean accumulate) {
        Scratch s = scratch.get();
        float[] at = transpose(a, aOff, m, k, s.transposed(k * m));
        float[] ct = s.product(n * m);
        blocked(b, bOff, k, 1, at, 0, ct, 0, n, k, m, false);
        addTransposed(ct, c, cOff, m, n, accumulate);
    }

    /** c(m x n) (+)= ct(n x m)ᵀ, in L x L blocks so both sides stay in cache. */
    private static void addTransposed(float[] ct, float[] c, int cOff, int m, int n, boolean accumulate) {
        for (int i0 = 0; i0 < m; i0 += L) {
            int i1 = Math.min(m, i0 + L);
            for (int j0 = 0; j0 < n; j0 += L) {
                int j1 = Math.min(n, j0 + L);
                for (int i = i0; i < i1; i++) {
                    int row = cOff + i * n;
                    if (accumulate) {
                        for (int j = j0; j < j1; j++) {
                            c[row + j] += ct[j * m + i];
                        }
                    } else {
                        for (int j = j0; j < j1; j++) {
                            c[row + j] = ct[j * m + i];
                        }
                    }
                }
            }
        }
    }

    /** dst(k x rows) = src(rows x k, from off)ᵀ; returns dst. */
    private static float[] transpose(float[] src, int off, int rows, int k, float[] dst) {
        for (int j = 0; j < rows; j++) {
            int from = off + j * k;
            for (int p = 0; p < k; p++) {
                dst[p * rows + j] = src[from + p];
            }
        }
        return dst;
    }

    @Override
    public void abt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k < SHORT_K && k > 0) {
            float[] bt = transpose(b, bOff, n, k, scratch.get().transposed(k * n));
            blocked(a, aOff, k, 1, bt, 0, c, cOff, m, k, n, accumulate);
            return;
        }
        if (m >= NR && n >= NR) {  // Cᵀ has full strips of NR columns
            transposedBlocked(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
            return;
        }
        if (!accumulate) {
            Arrays.fill(c, cOff, cOff + m * n, 0f);
        }
        if (k == 0) {
            return;
        }
        int kVec = k - k % L;
        // the last k % L floats of every row, zero-padded to one vector, joined to the last chunk
        float[] tailA = null;
        float[] tailB = null;
        Scratch s = scratch.get();
        if (kVec < k) {
            tailA = s.tailA(m);
            tailB = s.tailB(n);
            packTail(a, aOff + kVec, k, m, k - kVec, tailA);
            packTail(b, bOff + kVec, k, n, k - kVec, tailB);
        }
        int chunks = Math.max(1, (kVec + kcDot - 1) / kcDot);
        for (int chunk = 0; chunk < chunks; chunk++) {
            int p0 = chunk * kcDot;
            int len = Math.min(kcDot, kVec - p0);
            boolean last = chunk == chunks - 1;
            dotChunk(a, aOff + p0, b, bOff + p0, k, len, last ? tailA : null, last ? tailB : null,
                    c, cOff, m, n, s.sums);
        }
    }

    /** Copies floats [0, t) of each of rows rows (ld apart) into dst rows of L, zero-padded. */
    private static void packTail(float[] x, int off, int ld, int rows, int t, float[] dst) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, off + r * ld, dst, r * L, t);
            Arrays.fill(dst, r * L + t, (r + 1) * L, 0f);
        }
    }

    /**
     * c(m x n) += dots of rows of a and rows of b over len floats (rows ld apart), plus, when
     * tailA is not null, over one more vector taken from row r of tailA / tailB (r * L).
     */
    private static void dotChunk(float[] a, int aOff, float[] b, int bOff, int ld, int len,
                                 float[] tailA, float[] tailB, float[] c, int cOff, int m, int n, float[] sums) {
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int bj = bOff + j * ld;
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                dot4x4(a, aOff + i * ld, b, bj, ld, len, tailA, i * L, tailB, j * L, sums);
                addSums(sums, c, cOff + i * n + j, n);
            }
            for (; i < m; i++) {
                // one row of a against four rows of b: c[i][j..j+3]
                dot4x1(b, bj, ld, a, aOff + i * ld, len, tailB, j * L, tailA, i * L, c, cOff + i * n + j, 1);
            }
        }
        for (; j < n; j++) {
            int bj = bOff + j * ld;
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                // four rows of a against one row of b: c[i..i+3][j]
                dot4x1(a, aOff + i * ld, ld, b, bj, len, tailA, i * L, tailB, j * L, c, cOff + i * n + j, n);
            }
            for (; i < m; i++) {
                c[cOff + i * n + j] += dot1x1(a, aOff + i * ld, b, bj, len, tailA, i * L, tailB, j * L);
            }
        }
    }

    /**
     * sums[(4r + t) * L ..] = lane-wise products of x row r and y row t for r, t in 0..3, over len
     * floats (a multiple of L; rows of x and y are ld apart) and over the tail vectors when xt is
     * not null. The lanes are summed by {@link #addSums}, outside this method: sixteen inlined
     * lane sums made it too large for C2 to compile well.
     */
    private static void dot4x4(float[] x, int xOff, float[] y, int yOff, int ld, int len,
                               float[] xt, int xtOff, float[] yt, int ytOff, float[] sums) {
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00;
        FloatVector s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        int x0 = xOff, x1 = xOff + ld, x2 = xOff + 2 * ld, x3 = xOff + 3 * ld;
        int y0 = yOff, y1 = yOff + ld, y2 = yOff + 2 * ld, y3 = yOff + 3 * ld;
        for (int p = 0; p < len; p += L) {
            FloatVector v0 = FloatVector.fromArray(S, y, y0 + p);
            FloatVector v1 = FloatVector.fromArray(S, y, y1 + p);
            FloatVector v2 = FloatVector.fromArray(S, y, y2 + p);
            FloatVector v3 = FloatVector.fromArray(S, y, y3 + p);
            FloatVector u = FloatVector.fromArray(S, x, x0 + p);
            s00 = u.fma(v0, s00);
            s01 = u.fma(v1, s01);
            s02 = u.fma(v2, s02);
            s03 = u.fma(v3, s03);
            u = FloatVector.fromArray(S, x, x1 + p);
            s10 = u.fma(v0, s10);
            s11 = u.fma(v1, s11);
            s12 = u.fma(v2, s12);
            s13 = u.fma(v3, s13);
            u = FloatVector.fromArray(S, x, x2 + p);
            s20 = u.fma(v0, s20);
            s21 = u.fma(v1, s21);
            s22 = u.fma(v2, s22);
            s23 = u.fma(v3, s23);
            u = FloatVector.fromArray(S, x, x3 + p);
            s30 = u.fma(v0, s30);
            s31 = u.fma(v1, s31);
            s32 = u.fma(v2, s32);
            s33 = u.fma(v3, s33);
        }
        if (xt != null) {
            // one more step on the zero-padded tail rows (L floats apart)
            FloatVector v0 = FloatVector.fromArray(S, yt, ytOff);
            FloatVector v1 = FloatVector.fromArray(S, yt, ytOff + L);
            FloatVector v2 = FloatVector.fromArray(S, yt, ytOff + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, yt, ytOff + 3 * L);
            FloatVector u = FloatVector.fromArray(S, xt, xtOff);
            s00 = u.fma(v0, s00);
            s01 = u.fma(v1, s01);
            s02 = u.fma(v2, s02);
            s03 = u.fma(v3, s03);
            u = FloatVector.fromArray(S, xt, xtOff + L);
            s10 = u.fma(v0, s10);
            s11 = u.fma(v1, s11);
            s12 = u.fma(v2, s12);
            s13 = u.fma(v3, s13);
            u = FloatVector.fromArray(S, xt, xtOff + 2 * L);
            s20 = u.fma(v0, s20);
            s21 = u.fma(v1, s21);
            s22 = u.fma(v2, s22);
            s23 = u.fma(v3, s23);
            u = FloatVector.fromArray(S, xt, xtOff + 3 * L);
            s30 = u.fma(v0, s30);
            s31 = u.fma(v1, s31);
            s32 = u.fma(v2, s32);
            s33 = u.fma(v3, s33);
        }
        s00.intoArray(sums, 0);
        s01.intoArray(sums, L);
        s02.intoArray(sums, 2 * L);
        s03.intoArray(sums, 3 * L);
        s10.intoArray(sums, 4 * L);
        s11.intoArray(sums, 5 * L);
        s12.intoArray(sums, 6 * L);
        s13.intoArray(sums, 7 * L);
        s20.intoArray(sums, 8 * L);
        s21.intoArray(sums, 9 * L);
        s22.intoArray(sums, 10 * L);
        s23.intoArray(sums, 11 * L);
        s30.intoArray(sums, 12 * L);
        s31.intoArray(sums, 13 * L);
        s32.intoArray(sums, 14 * L);
        s33.intoArray(sums, 15 * L);
    }

    /** c[r * ldc + t] += Σ lanes of sums block 4r + t, for r, t in 0..3. */
    private static void addSums(float[] sums, float[] c, int cOff, int ldc) {
        for (int r = 0; r < 4; r++) {
            for (int t = 0; t < 4; t++) {
                c[cOff + r * ldc + t] += Lanes.sum(FloatVector.fromArray(S, sums, (4 * r + t) * L));
            }
        }
    }

    /**
     * c[cOff + r * cStride] += dot(x row r, y) for r in 0..3 (rows of x ldx apart) over len floats,
     * a multiple of L, plus the tail vectors (x tail rows L apart) when xt is not null.
     */
    private static void dot4x1(float[] x, int xOff, int ldx, float[] y, int yOff, int len,
                               float[] xt, int xtOff, float[] yt, int ytOff,
                               float[] c, int cOff, int cStride) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        FloatVector t0 = s0, t1 = s0, t2 = s0, t3 = s0;
        int p = 0;
        // two accumulators per row hide the FMA latency
        for (; p + 2 * L <= len; p += 2 * L) {
            FloatVector y0 = FloatVector.fromArray(S, y, yOff + p);
            FloatVector y1 = FloatVector.fromArray(S, y, yOff + p + L);
            s0 = FloatVector.fromArray(S, x, xOff + p).fma(y0, s0);
            t0 = FloatVector.fromArray(S, x, xOff + p + L).fma(y1, t0);
            s1 = FloatVector.fromArray(S, x, xOff + ldx + p).fma(y0, s1);
            t1 = FloatVector.fromArray(S, x, xOff + ldx + p + L).fma(y1, t1);
            s2 = FloatVector.fromArray(S, x, xOff + 2 * ldx + p).fma(y0, s2);
            t2 = FloatVector.fromArray(S, x, xOff + 2 * ldx + p + L).fma(y1, t2);
            s3 = FloatVector.fromArray(S, x, xOff + 3 * ldx + p).fma(y0, s3);
            t3 = FloatVector.fromArray(S, x, xOff + 3 * ldx + p + L).fma(y1, t3);
        }
        if (p < len) {
            FloatVector y0 = FloatVector.fromArray(S, y, yOff + p);
            s0 = FloatVector.fromArray(S, x, xOff + p).fma(y0, s0);
            s1 = FloatVector.fromArray(S, x, xOff + ldx + p).fma(y0, s1);
            s2 = FloatVector.fromArray(S, x, xOff + 2 * ldx + p).fma(y0, s2);
            s3 = FloatVector.fromArray(S, x, xOff + 3 * ldx + p).fma(y0, s3);
        }
        if (xt != null) {
            FloatVector y1 = FloatVector.fromArray(S, yt, ytOff);
            t0 = FloatVector.fromArray(S, xt, xtOff).fma(y1, t0);
            t1 = FloatVector.fromArray(S, xt, xtOff + L).fma(y1, t1);
            t2 = FloatVector.fromArray(S, xt, xtOff + 2 * L).fma(y1, t2);
            t3 = FloatVector.fromArray(S, xt, xtOff + 3 * L).fma(y1, t3);
        }
        c[cOff] += Lanes.sum(s0.add(t0));
        c[cOff + cStride] += Lanes.sum(s1.add(t1));
        c[cOff + 2 * cStride] += Lanes.sum(s2.add(t2));
        c[cOff + 3 * cStride] += Lanes.sum(s3.add(t3));
    }

    /** dot(x, y) over len floats, a multiple of L, plus the tail vectors when xt is not null. */
    private static float dot1x1(float[] x, int xOff, float[] y, int yOff, int len,
                                float[] xt, int xtOff, float[] yt, int ytOff) {
        FloatVector s = FloatVector.zero(S);
        for (int p = 0; p < len; p += L) {
            s = FloatVector.fromArray(S, x, xOff + p).fma(FloatVector.fromArray(S, y, yOff + p), s);
        }
        if (xt != null) {
            s = FloatVector.fromArray(S, xt, xtOff).fma(FloatVector.fromArray(S, yt, ytOff), s);
        }
        return Lanes.sum(s);
    }
}
