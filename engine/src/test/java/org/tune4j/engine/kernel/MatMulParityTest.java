package org.tune4j.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SimdMatMul against the specification ScalarMatMul, for ab, atb and abt, on random matrices
 * placed at offsets inside larger arrays, with and without accumulate, and with each way of
 * reading B.
 *
 * <p>Tolerance: the two sum the k products in different orders, so each element may differ by
 * float rounding of the sum; we allow |simd - scalar| <= 1e-5 * (sum over p of |a_ip * b_pj| +
 * |c_ij before|), i.e. relative to the magnitude of the terms being summed. Floats of C outside
 * the m x n block must be untouched.
 */
class MatMulParityTest {

    private static final float REL_TOL = 1e-5f;
    private static final float GUARD = 12345.5f;

    enum Op { AB, ATB, ABT }

    static Stream<Arguments> cases() {
        int[][] shapes = {
            // m, k, n: tiny and awkward sizes, lane and tile tails, block boundaries
            {1, 1, 1}, {1, 7, 1}, {7, 7, 7}, {7, 1, 33}, {33, 33, 33}, {36, 36, 36},
            {4, 16, 64}, {5, 17, 65}, {3, 129, 130}, {36, 400, 100}, {17, 400, 196},
            {16, 25, 200}, {64, 300, 10}, {9, 2100, 7}, {600, 20, 70}, {2, 5000, 6},
            {400, 36, 160}, {5, 40, 2100}, {36, 400, 196}, {36, 196, 400}, {64, 16, 1764}, {9, 63, 97},
            {64, 100, 130}, {70, 65, 200}, {65, 77, 64},  // abt through the blocked kernel (m, n >= 64, k >= 64)
            // n = 64 (one strip: ab reads A in place; abt's Cᵀ route does when m = 64), with
            // row tails and k split in blocks (1100)
            {601, 300, 64}, {64, 300, 601}, {5, 40, 64}, {64, 64, 6}, {7, 1100, 64},
            {1764, 64, 16}, {100, 7, 33},  // atb with a narrow C (n < 64 <= m) as Cᵀ = bᵀ · a
        };
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (int[] s : shapes) {
            for (Op op : Op.values()) {
                for (SimdMatMul.BPacking packing : SimdMatMul.BPacking.values()) {
                    cases.add(Arguments.of(op, packing, s[0], s[1], s[2], false, seed++));
                    cases.add(Arguments.of(op, packing, s[0], s[1], s[2], true, seed++));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} m={2} k={3} n={4} accumulate={5}")
    @MethodSource("cases")
    void simdAgreesWithScalar(Op op, SimdMatMul.BPacking packing, int m, int k, int n,
                              boolean accumulate, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int aOff = rnd.nextInt(5);
        int bOff = rnd.nextInt(5);
        int cOff = rnd.nextInt(5);
        float[] a = random(rnd, aOff + m * k + 3);
        float[] b = random(rnd, bOff + k * n + 3);
        float[] c0 = random(rnd, cOff + m * n + 3);
        for (int i = 0; i < cOff; i++) {
            c0[i] = GUARD;
        }
        for (int i = cOff + m * n; i < c0.length; i++) {
            c0[i] = GUARD;
        }
        float[] expected = c0.clone();
        float[] actual = c0.clone();
        run(new ScalarMatMul(), op, a, aOff, b, bOff, expected, cOff, m, k, n, accumulate);
        run(new SimdMatMul(packing), op, a, aOff, b, bOff, actual, cOff, m, k, n, accumulate);

        // magnitude of the summed terms: |a| . |b| (+ |c| when accumulating)
        float[] magnitude = new float[c0.length];
        run(new ScalarMatMul(), op, abs(a), aOff, abs(b), bOff, magnitude, cOff, m, k, n, false);

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
                fail("%s m=%d k=%d n=%d: c[%d][%d] expected %s (scalar) but SIMD gave %s, tolerance %s",
                        op, m, k, n, e / n, e % n, expected[i], actual[i], tol);
            }
        }
    }

    private static void run(MatMul mm, Op op, float[] a, int aOff, float[] b, int bOff,
                            float[] c, int cOff, int m, int k, int n, boolean accumulate) {
        // the same arrays are read as (m x k)/(k x n), (k x m)/(k x n) or (m x k)/(n x k)
        switch (op) {
            case AB -> mm.ab(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
            case ATB -> mm.atb(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
            case ABT -> mm.abt(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
        }
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
