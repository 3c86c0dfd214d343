package org.tune4j.optimizer.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyExtendTest {

    /** A random symmetric positive-definite (size x size) matrix: B Bᵀ + I. */
    private static double[] spd(int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[size * size];
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble(-1, 1);
        }
        double[] a = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < size; k++) {
                    s += b[i * size + k] * b[j * size + k];
                }
                a[i * size + j] = s;
            }
        }
        return a;
    }

    private static double[] block(double[] a, int size, int rowFrom, int rowTo, int colFrom, int colTo) {
        double[] out = new double[(rowTo - rowFrom) * (colTo - colFrom)];
        int w = colTo - colFrom;
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = colFrom; j < colTo; j++) {
                out[(i - rowFrom) * w + (j - colFrom)] = a[i * size + j];
            }
        }
        return out;
    }

    @Test
    void anExtendedFactorEqualsTheFullFactorizationTo1eMinus10() {
        int n = 40;
        int m = 7;
        int size = n + m;
        double[] a = spd(size, 5);
        Cholesky full = Cholesky.factor(a, size);
        Cholesky extended = Cholesky.factor(block(a, size, 0, n, 0, n), n)
                .extend(block(a, size, n, size, 0, n), block(a, size, n, size, n, size), m);
        assertThat(extended.size()).isEqualTo(size);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                assertThat(extended.get(i, j)).as("L[%d][%d]", i, j).isCloseTo(full.get(i, j), within(1e-10));
            }
        }
        double[] b = new double[size];
        for (int i = 0; i < size; i++) {
            b[i] = Math.sin(i);
        }
        double[] x = extended.solve(b);
        double[] expected = full.solve(b);
        for (int i = 0; i < size; i++) {
            assertThat(x[i]).isCloseTo(expected[i], within(1e-10));
        }
        assertThat(extended.logDeterminant()).isCloseTo(full.logDeterminant(), within(1e-10));
    }

    @Test
    void extendingRowByRowGivesTheSameBitsAsOneBlock() {
        int n = 12;
        int m = 5;
        int size = n + m;
        double[] a = spd(size, 8);
        Cholesky base = Cholesky.factor(block(a, size, 0, n, 0, n), n);
        Cholesky oneBlock = base.extend(block(a, size, n, size, 0, n), block(a, size, n, size, n, size), m);
        Cholesky stepwise = base;
        for (int r = n; r < size; r++) {
            stepwise = stepwise.extend(block(a, size, r, r + 1, 0, r), block(a, size, r, r + 1, r, r + 1), 1);
        }
        assertThat(stepwise.lower()).isEqualTo(oneBlock.lower());
    }

    @Test
    void aDuplicatedRowIsRefusedNamingTheSize() {
        double[] a = {2, 1, 1, 2};
        Cholesky c = Cholesky.factor(a, 2);
        // the new row repeats row 0 exactly: the bordered matrix is singular
        assertThatThrownBy(() -> c.extend(new double[] {2, 1}, new double[] {2}, 1))
                .isInstanceOf(NotPositiveDefiniteException.class).hasMessageContaining("3x3");
    }
}
