package org.tune4j.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WinogradTransform}'s constants regenerated here from the interpolation points with exact
 * rational arithmetic (the Cook-Toom construction written in its header: G = V_r, Aᵀ = V_mᵀ,
 * Bᵀ = (V⁻¹)ᵀ, each Bᵀ row scaled to a primitive integer vector and the G row divided by the same
 * factor). Checked: (1) each float constant is the exact value rounded to float; (2) the exact
 * matrices compute the correlation y_i = Σ_k g_k d_(i+k) for every pair of basis vectors g = e_k,
 * d = e_j (by bilinearity, for all g and d), against direct evaluation of the definition.
 */
class WinogradTransformTest {

    /** An exact fraction num/den, den > 0, in lowest terms. */
    record Q(BigInteger num, BigInteger den) {
        static final Q ZERO = of(0, 1);
        static final Q ONE = of(1, 1);

        static Q of(long num, long den) {
            return make(BigInteger.valueOf(num), BigInteger.valueOf(den));
        }

        static Q make(BigInteger num, BigInteger den) {
            if (den.signum() < 0) {
                num = num.negate();
                den = den.negate();
            }
            BigInteger g = num.gcd(den);
            return g.signum() == 0 ? new Q(BigInteger.ZERO, BigInteger.ONE) : new Q(num.divide(g), den.divide(g));
        }

        Q plus(Q o) { return make(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)); }
        Q minus(Q o) { return plus(new Q(o.num.negate(), o.den)); }
        Q times(Q o) { return make(num.multiply(o.num), den.multiply(o.den)); }
        Q over(Q o) { return make(num.multiply(o.den), den.multiply(o.num)); }
        Q pow(int k) { Q q = ONE; for (int i = 0; i < k; i++) { q = q.times(this); } return q; }
        boolean isZero() { return num.signum() == 0; }
        double value() { return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue(); }
    }

    @Test
    void f2x2Of5x5FromThePoints0And1AndMinus1And2AndMinus2() {
        check(WinogradTransform.F2X2_5X5, List.of(Q.of(0, 1), Q.of(1, 1), Q.of(-1, 1), Q.of(2, 1), Q.of(-2, 1)));
    }

    @Test
    void f4x4Of5x5FromThePointsUpToPlusMinusOneHalf() {
        check(WinogradTransform.F4X4_5X5, List.of(Q.of(0, 1), Q.of(1, 1), Q.of(-1, 1), Q.of(2, 1), Q.of(-2, 1),
                Q.of(1, 2), Q.of(-1, 2)));
    }

    private static void check(WinogradTransform t, List<Q> points) {
        int m = t.outputTile();
        int r = t.kernel();
        int n = t.inputTile();
        assertThat(points).hasSize(n - 1);
        Q[][] v = evaluation(points, n);
        Q[][] bt = transpose(inverse(v));
        Q[][] g = evaluation(points, r);
        Q[][] at = transpose(evaluation(points, m));
        for (int i = 0; i < n; i++) {  // scale row i of Bᵀ to a primitive integer vector, G's row i by the inverse
            BigInteger lcm = BigInteger.ONE;
            for (Q q : bt[i]) {
                lcm = lcm.multiply(q.den).divide(lcm.gcd(q.den));
            }
            BigInteger gcd = BigInteger.ZERO;
            for (Q q : bt[i]) {
                gcd = gcd.gcd(q.num.multiply(lcm).divide(q.den));
            }
            Q scale = Q.make(lcm, gcd);
            for (int j = 0; j < n; j++) {
                bt[i][j] = bt[i][j].times(scale);
            }
            for (int j = 0; j < r; j++) {
                g[i][j] = g[i][j].over(scale);
            }
        }
        assertFloats("Bᵀ", t.bt(), bt);
        assertFloats("G", t.g(), g);
        assertFloats("Aᵀ", t.at(), at);
        for (int k = 0; k < r; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    Q y = Q.ZERO;  // Aᵀ[(G e_k) ⊙ (Bᵀ e_j)] at i
                    for (int x = 0; x < n; x++) {
                        y = y.plus(at[i][x].times(g[x][k]).times(bt[x][j]));
                    }
                    Q expected = j == i + k ? Q.ONE : Q.ZERO;  // Σ_k' e_k(k') e_j(i + k')
                    assertThat(y).as("F(%d,%d): y_%d for g = e_%d, d = e_%d", m, r, i, k, j).isEqualTo(expected);
                }
            }
        }
    }

    /** Rows (1, p, ..., p^(cols-1)) for each point, then the point at infinity e_(cols-1). */
    private static Q[][] evaluation(List<Q> points, int cols) {
        Q[][] e = new Q[points.size() + 1][cols];
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = points.get(i).pow(j);
            }
        }
        for (int j = 0; j < cols; j++) {
            e[points.size()][j] = j == cols - 1 ? Q.ONE : Q.ZERO;
        }
        return e;
    }

    private static Q[][] inverse(Q[][] a) {
        int n = a.length;
        Q[][] x = new Q[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2 * n; j++) {
                x[i][j] = j < n ? a[i][j] : (j - n == i ? Q.ONE : Q.ZERO);
            }
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            while (x[p][c].isZero()) {
                p++;
            }
            Q[] swap = x[c];
            x[c] = x[p];
            x[p] = swap;
            Q pivot = x[c][c];
            for (int j = 0; j < 2 * n; j++) {
                x[c][j] = x[c][j].over(pivot);
            }
            for (int row = 0; row < n; row++) {
                if (row != c && !x[row][c].isZero()) {
                    Q f = x[row][c];
                    for (int j = 0; j < 2 * n; j++) {
                        x[row][j] = x[row][j].minus(f.times(x[c][j]));
                    }
                }
            }
        }
        Q[][] inv = new Q[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], n, inv[i], 0, n);
        }
        return inv;
    }

    private static Q[][] transpose(Q[][] a) {
        Q[][] t = new Q[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static void assertFloats(String name, float[] actual, Q[][] exact) {
        int cols = exact[0].length;
        assertThat(actual).as(name + " size").hasSize(exact.length * cols);
        for (int i = 0; i < exact.length; i++) {
            for (int j = 0; j < cols; j++) {
                assertThat(actual[i * cols + j]).as("%s[%d][%d] = %s/%s", name, i, j, exact[i][j].num, exact[i][j].den)
                        .isEqualTo((float) exact[i][j].value());
            }
        }
    }
}
