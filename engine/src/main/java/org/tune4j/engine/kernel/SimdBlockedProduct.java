package org.tune4j.engine.kernel;

import java.util.Arrays;

/**
 * c(m x n) (+)= A · b(k x n) with A read through two strides, so that one routine serves a
 * row-major A (ab) and a transposed one (atb): the GotoBLAS loop nest around
 * {@link SimdRowPanelKernel}.
 *
 * <p>Loop order: column chunks of {@code nc}, then blocks of k (split into equal blocks of at most
 * {@code kc}), then blocks of {@value SimdMatMul#MC} rows of A, then strips of {@code NR} columns,
 * then micro-panels of {@value SimdMatMul#MR} rows. Each block of A is copied row-major into the
 * scratch (rows past the block zero up to a multiple of MR), whichever way A is stored. A block of
 * B is copied into contiguous strips when A has at least {@value SimdMatMul#PACK_B_ROWS} rows (each
 * strip is then reused by enough micro-panels to pay for the copy); with fewer rows B is read in
 * place, and only a last strip narrower than NR is copied, zero-padded, for
 * {@link SimdNarrowStrip}. Partial tiles (fewer than MR rows) run into the scratch's tile buffer
 * and its valid part is copied out.
 *
 * <p>When C is exactly one strip wide and A is row-major, A is read in place instead of packed
 * ({@link #rowPanelProduct}): each packed float would be read only once.
 *
 * <p>Part of one {@link SimdMatMul}: uses that instance's scratch, so one thread at a time.
 */
final class SimdBlockedProduct {

    private static final int MR = SimdMatMul.MR;
    private static final int NR = SimdMatMul.NR;

    private final SimdMatMul.BPacking bPacking;
    private final int kcMax;
    private final int ncMax;
    private final SimdMatMulScratch scratch;
    private final SimdNarrowStrip narrowStrip;

    SimdBlockedProduct(SimdMatMul.BPacking bPacking, int kc, int nc, SimdMatMulScratch scratch) {
        this.bPacking = bPacking;
        this.kcMax = kc;
        this.ncMax = nc;
        this.scratch = scratch;
        this.narrowStrip = new SimdNarrowStrip(scratch);
    }

    /**
     * c(m x n) (+)= A · b(k x n) where A(i, p) = a[aOff + i * rowStride + p * colStride]; C must
     * not overlap A or B.
     */
    void product(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff,
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
        SimdMatMulScratch s = scratch;
        if (n == NR && colStride == 1) {
            rowPanelProduct(a, aOff, rowStride, b, bOff, c, cOff, m, k, accumulate);
            return;
        }
        boolean packB = packB(m);
        // split k into equal blocks of at most kcMax (400 -> 4 x 100, not 3 x 128 + 16)
        int kBlocks = (k + kcMax - 1) / kcMax;
        int kcBlock = (k + kBlocks - 1) / kBlocks;
        for (int jc = 0; jc < n; jc += ncMax) {
            int nc = Math.min(ncMax, n - jc);
            for (int kb = 0; kb < k; kb += kcBlock) {
                int kc = Math.min(kcBlock, k - kb);
                boolean loadC = accumulate || kb > 0;
                int bBlock = bOff + kb * n + jc;
                int fullCols = nc - nc % NR;
                if (packB) {
                    packBBlock(b, bBlock, n, kc, 0, nc, s.b);
                } else if (fullCols < nc) {
                    packBBlock(b, bBlock, n, kc, fullCols, nc, s.b);
                }
                for (int ib = 0; ib < m; ib += SimdMatMul.MC) {
                    int mc = Math.min(SimdMatMul.MC, m - ib);
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
                                edgeTile(ir * kc, panel, panelOff, ldb, c, cStrip + ir * n, n, mc - ir, NR, kc, loadC);
                            }
                        } else {
                            narrowStrip.run(panelOff, c, cStrip, n, mc, cols, kc, loadC);
                        }
                    }
                }
            }
        }
    }

    /**
     * c(m x NR) (+)= A · b(k x NR) with A row-major (lda apart) and read in place: each of a tile's
     * six rows of A is one sequential stream ({@link SimdRowPanelKernel}). B, k x NR, is already a
     * packed strip and is read in place too; k is split only above 4 * kc floats (so the strip
     * stays in L2 and MR rows of a block fit the packed-A buffer), and each tile of C is loaded
     * and stored once per block of k. The last rows, fewer than MR, are packed and run as an edge
     * tile.
     */
    private void rowPanelProduct(float[] a, int aOff, int lda, float[] b, int bOff,
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
                packA(a, aOff + ir * lda + kb, lda, 1, m - ir, kc, scratch.a);
                edgeTile(0, b, bBlock, NR, c, cOff + ir * NR, NR, m - ir, NR, kc, loadC);
            }
        }
    }

    /** Whether to copy B's strips: always or never when forced (tests), else for enough rows of A. */
    private boolean packB(int m) {
        return switch (bPacking) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> m >= SimdMatMul.PACK_B_ROWS;
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
    private void edgeTile(int apOff, float[] panel, int panelOff, int ldb,
                          float[] c, int cOff, int ldc, int rows, int cols, int kc, boolean loadC) {
        float[] tile = scratch.tile;
        if (loadC) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, cOff + r * ldc, tile, r * NR, cols);
            }
        }
        SimdRowPanelKernel.kernel(scratch.a, apOff, kc, panel, panelOff, ldb, tile, 0, NR, kc, loadC);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, cOff + r * ldc, cols);
        }
    }
}
