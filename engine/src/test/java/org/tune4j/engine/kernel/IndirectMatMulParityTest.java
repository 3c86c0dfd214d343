package org.tune4j.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SimdIndirectMatMul against the specification ScalarIndirectMatMul, for ab (with and without
 * accumulate) and tab, on random row tables (rows overlap and come in any order, as
 * the kernel taps of a convolution do) and awkward sizes: 1, 7, 33, 36 and tile and lane tails.
 *
 * <p>Tolerance as in {@link MatMulParityTest}: |simd - scalar| &lt;= 1e-5 * (Σ |terms| + |c before|).
 * Floats of C outside the result block must be untouched.
 */
class IndirectMatMulParityTest {

    private static final float REL_TOL = 1e-5f;
    private static final float GUARD = 12345.5f;

    static Stream<Arguments> cases() {
        int[][] shapes = {
            // m, k, n
            {1, 1, 1}, {1, 7, 1}, {7, 7, 7}, {7, 1, 33}, {33, 33, 33}, {36, 36, 36},
            {4, 16, 64}, {5, 17, 65}, {36, 400, 256}, {16, 900, 252}, {16, 25, 896},
            {8, 3, 129}, {36, 256, 400}, {16, 1024, 25},
            {10, 48, 9}, {16, 848, 25}, {36, 400, 224}, {16, 900, 224},  // 8- and 4-row tail tiles; the tutorial's grids
            {36, 196, 80}, {39, 5, 80}, {6, 3, 144}, {4, 2, 81},  // 4 x 5 tiles (one vector past the last 4 x 4); with tails
        };
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (int[] s : shapes) {
            cases.add(Arguments.of(s[0], s[1], s[2], false, seed++));
            cases.add(Arguments.of(s[0], s[1], s[2], true, seed++));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "ab m={0} k={1} n={2} accumulate={3}")
    @MethodSource("cases")
    void abAgreesWithScalar(int m, int k, int n, boolean accumulate, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int span = 3 * n + 11;
        int[] rows = table(rnd, k, span, n);  // B(p, j) = b[bOff + rows[p] + j] for p < k
        int aOff = rnd.nextInt(5);
        int bOff = rnd.nextInt(5);
        int cOff = rnd.nextInt(5);
        float[] a = random(rnd, aOff + m * k + 3);
        float[] b = random(rnd, bOff + span + 3);
        float[] c0 = guarded(rnd, cOff, m * n);
        float[] expected = c0.clone();
        float[] actual = c0.clone();
        float[] magnitude = new float[c0.length];
        IndirectMatMul scalar = new ScalarIndirectMatMul();
        IndirectMatMul simd = new SimdIndirectMatMul();
        scalar.ab(a, aOff, b, bOff, rows, expected, cOff, m, k, n, accumulate);
        simd.ab(a, aOff, b, bOff, rows, actual, cOff, m, k, n, accumulate);
        scalar.ab(abs(a), aOff, abs(b), bOff, rows, magnitude, cOff, m, k, n, false);
        assertAgrees("ab m=" + m + " k=" + k + " n=" + n, actual, expected, magnitude, accumulate ? c0 : null, cOff, m * n, n);
    }

    static Stream<Arguments> tabCases() {
        int[][] shapes = {
            // n (table rows), k, m (a multiple of 16)
            {1, 1, 16}, {5, 7, 16}, {7, 33, 48}, {12, 17, 32}, {11, 5, 64}, {6, 1, 48},
            {8, 3, 48}, {13, 9, 64}, {21, 5, 96}, {17, 2, 80}, {36, 7, 144},  // 8 x 3 tiles and every tail
            {400, 224, 48}, {25, 848, 16},  // the tutorial's conv2 and conv1 weight gradients
        };
        List<Arguments> cases = new ArrayList<>();
        long seed = 100;
        for (int[] s : shapes) {
            cases.add(Arguments.of(s[0], s[1], s[2], seed++));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "tab n={0} k={1} m={2}")
    @MethodSource("tabCases")
    void tabAgreesWithScalar(int n, int k, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int span = 3 * k + 11;
        int[] rows = table(rnd, n, span, k);
        int bOff = rnd.nextInt(5);
        int dOff = rnd.nextInt(5);
        int cOff = rnd.nextInt(5);
        float[] b = random(rnd, bOff + span + 3);
        float[] d = random(rnd, dOff + k * m + 3);
        float[] c0 = guarded(rnd, cOff, n * m);
        float[] expected = c0.clone();
        float[] actual = c0.clone();
        float[] magnitude = new float[c0.length];
        new ScalarIndirectMatMul().tab(b, bOff, rows, d, dOff, expected, cOff, n, k, m);
        new SimdIndirectMatMul().tab(b, bOff, rows, d, dOff, actual, cOff, n, k, m);
        new ScalarIndirectMatMul().tab(abs(b), bOff, rows, abs(d), dOff, magnitude, cOff, n, k, m);
        assertAgrees("tab n=" + n + " k=" + k + " m=" + m, actual, expected, magnitude, c0, cOff, n * m, m);
    }

    /** rows[r] in [0, span - run]: a table of overlapping runs of length run, in any order. */
    private static int[] table(SplittableRandom rnd, int count, int span, int run) {
        int[] rows = new int[count];
        for (int r = 0; r < count; r++) {
            rows[r] = rnd.nextInt(span - run + 1);
        }
        return rows;
    }

    /** Random floats at [from, from + size), GUARD before and in three floats after. */
    private static float[] guarded(SplittableRandom rnd, int from, int size) {
        float[] c = random(rnd, from + size + 3);
        for (int i = 0; i < c.length; i++) {
            if (i < from || i >= from + size) {
                c[i] = GUARD;
            }
        }
        return c;
    }

    /**
     * Floats outside [cOff, cOff + size) untouched; inside, |actual - expected| within REL_TOL of
     * the magnitude of the terms plus, when before is not null, of C's previous value.
     */
    private static void assertAgrees(String what, float[] actual, float[] expected, float[] magnitude, float[] before,
                                     int cOff, int size, int rowLength) {
        for (int i = 0; i < actual.length; i++) {
            if (i < cOff || i >= cOff + size) {
                assertThat(actual[i]).as("%s: float %d outside C", what, i).isEqualTo(GUARD);
                continue;
            }
            float scale = magnitude[i] + (before != null ? Math.abs(before[i]) : 0f);
            float tol = REL_TOL * scale + Float.MIN_NORMAL;
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                int e = i - cOff;
                fail("%s: c[%d][%d] expected %s (scalar) but SIMD gave %s, tolerance %s",
                        what, e / rowLength, e % rowLength, expected[i], actual[i], tol);
            }
        }
    }

    @Test
    void scalarTabMatchesAHandComputedProduct() {
        // table rows: q=0 -> b[1..2], q=1 -> b[0..1]; D (2 x 16) with D(0, i) = 1, D(1, i) = i
        float[] b = {1, 2, 3};
        float[] d = new float[32];
        for (int i = 0; i < 16; i++) {
            d[i] = 1;
            d[16 + i] = i;
        }
        float[] c = new float[32];
        new ScalarIndirectMatMul().tab(b, 0, new int[] {1, 0}, d, 0, c, 0, 2, 2, 16);
        assertThat(c[3]).isEqualTo(2 * 1 + 3 * 3f);   // q=0: b[1]*D(0,3) + b[2]*D(1,3)
        assertThat(c[16 + 3]).isEqualTo(1 * 1 + 2 * 3f);  // q=1: b[0]*D(0,3) + b[1]*D(1,3)
    }

    @Test
    void scalarAbMatchesAHandComputedProduct() {
        // B rows: p=0 -> b[2..3], p=1 -> b[0..1]; a = [1 2]: c = 1*[3 4] + 2*[1 2] = [5 8]
        float[] c = new float[2];
        new ScalarIndirectMatMul().ab(new float[] {1, 2}, 0, new float[] {1, 2, 3, 4}, 0, new int[] {2, 0},
                c, 0, 1, 2, 2, false);
        assertThat(c).containsExactly(5f, 8f);
    }

    @Test
    void factoryMatchesTheMatMulKind() {
        assertThat(IndirectKernels.like(new ScalarMatMul())).isInstanceOf(ScalarIndirectMatMul.class);
        assertThat(IndirectKernels.forMode(KernelMode.SIMD)).isInstanceOf(SimdIndirectMatMul.class);
        assertThat(IndirectKernels.forMode(KernelMode.SCALAR)).isInstanceOf(ScalarIndirectMatMul.class);
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.abs(x[i]);
        }
        return y;
    }
}
