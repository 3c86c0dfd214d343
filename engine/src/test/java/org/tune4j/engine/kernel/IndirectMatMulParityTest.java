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
 * accumulate) and the batched abt, on random row tables (rows overlap and come in any order, as
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
            // m, k, n, batch
            {1, 1, 1, 1}, {1, 7, 1, 2}, {7, 7, 7, 1}, {7, 1, 33, 3}, {33, 33, 33, 2}, {36, 36, 36, 1},
            {4, 16, 64, 1}, {5, 17, 65, 2}, {36, 400, 256, 2}, {16, 900, 252, 1}, {16, 25, 896, 3},
            {8, 3, 129, 1}, {36, 256, 400, 4}, {16, 1024, 25, 2},
            {10, 48, 9, 3}, {36, 224, 400, 8}, {16, 848, 25, 8}, {36, 400, 224, 1},  // 6- and 4-row blocks; the tutorial's grids
        };
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (int[] s : shapes) {
            cases.add(Arguments.of("ab", s[0], s[1], s[2], 1, false, seed++));
            cases.add(Arguments.of("ab", s[0], s[1], s[2], 1, true, seed++));
            cases.add(Arguments.of("abt", s[0], s[1], s[2], s[3], true, seed++));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} m={1} k={2} n={3} batch={4} accumulate={5}")
    @MethodSource("cases")
    void simdAgreesWithScalar(String op, int m, int k, int n, int batch, boolean accumulate, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean ab = op.equals("ab");
        int tableRows = ab ? k : n;   // ab: B(p, j) for p < k; abt: B(j, p) for j < n
        int runLength = ab ? n : k;
        int span = 3 * runLength + 11;
        int[] rows = new int[tableRows];
        for (int r = 0; r < tableRows; r++) {
            rows[r] = rnd.nextInt(span - runLength + 1);
        }
        int aOff = rnd.nextInt(5);
        int bOff = rnd.nextInt(5);
        int cOff = rnd.nextInt(5);
        int aStride = m * k + rnd.nextInt(3);
        int bStride = span + rnd.nextInt(3);
        float[] a = random(rnd, aOff + batch * aStride + 3);
        float[] b = random(rnd, bOff + batch * bStride + 3);
        float[] c0 = random(rnd, cOff + m * n + 3);
        for (int i = 0; i < cOff; i++) {
            c0[i] = GUARD;
        }
        for (int i = cOff + m * n; i < c0.length; i++) {
            c0[i] = GUARD;
        }
        float[] expected = c0.clone();
        float[] actual = c0.clone();
        float[] magnitude = new float[c0.length];
        IndirectMatMul scalar = new ScalarIndirectMatMul();
        IndirectMatMul simd = new SimdIndirectMatMul();
        if (ab) {
            scalar.ab(a, aOff, b, bOff, rows, expected, cOff, m, k, n, accumulate);
            simd.ab(a, aOff, b, bOff, rows, actual, cOff, m, k, n, accumulate);
            scalar.ab(abs(a), aOff, abs(b), bOff, rows, magnitude, cOff, m, k, n, false);
        } else {
            scalar.abt(a, aOff, aStride, b, bOff, bStride, rows, expected, cOff, m, k, n, batch);
            simd.abt(a, aOff, aStride, b, bOff, bStride, rows, actual, cOff, m, k, n, batch);
            scalar.abt(abs(a), aOff, aStride, abs(b), bOff, bStride, rows, magnitude, cOff, m, k, n, batch);
        }
        for (int i = 0; i < c0.length; i++) {
            boolean inside = i >= cOff && i < cOff + m * n;
            if (!inside) {
                assertThat(actual[i]).as("float %d outside C", i).isEqualTo(GUARD);
                continue;
            }
            float scale = magnitude[i] + (accumulate ? Math.abs(c0[i]) : 0f);
            float tol = REL_TOL * scale + Float.MIN_NORMAL;
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                int e = i - cOff;
                fail("%s m=%d k=%d n=%d batch=%d: c[%d][%d] expected %s (scalar) but SIMD gave %s, tolerance %s",
                        op, m, k, n, batch, e / n, e % n, expected[i], actual[i], tol);
            }
        }
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
