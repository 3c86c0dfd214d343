package org.tune4j.optimizer.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    @Test
    void factorsSolvesAndInvertsAPositiveDefiniteMatrix() {
        double[] a = {4, 2, 0.6, 2, 5, 1, 0.6, 1, 3};
        Cholesky c = Cholesky.factor(a, 3);
        assertThat(c.jitter()).isZero();
        double[] l = c.lower();
        for (int i = 0; i < 3; i++) { // L Lᵀ == A
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += l[i * 3 + k] * l[j * 3 + k];
                }
                assertThat(s).isCloseTo(a[i * 3 + j], within(1e-12));
            }
        }
        double[] b = {1, -2, 0.5};
        double[] x = c.solve(b);
        double[] inv = c.inverse();
        for (int i = 0; i < 3; i++) {
            double ax = 0;
            double invB = 0;
            for (int k = 0; k < 3; k++) {
                ax += a[i * 3 + k] * x[k];
                invB += inv[i * 3 + k] * b[k];
            }
            assertThat(ax).isCloseTo(b[i], within(1e-12));
            assertThat(invB).isCloseTo(x[i], within(1e-12));
        }
        // det = 4*(15-1) - 2*(6-0.6) + 0.6*(2-3) = 56 - 10.8 - 0.6
        assertThat(c.logDeterminant()).isCloseTo(Math.log(44.6), within(1e-12));
    }

    @Test
    void singularMatrixFromDuplicatePointsGetsJitter() {
        double[] a = {1, 1, 1, 1}; // two identical kernel rows
        Cholesky c = Cholesky.factor(a, 2);
        assertThat(c.jitter()).isGreaterThan(0).isLessThan(1e-2);
        for (double v : c.solve(new double[] {1, 1})) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void indefiniteMatrixFailsNamingSizeAndLastJitter() {
        double[] a = {1, 0, 0, -1};
        assertThatThrownBy(() -> Cholesky.factor(a, 2, 3))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("2x2")
                .hasMessageContaining("jitter 1.0E-8");
    }

    @Test
    void nonFiniteEntryFailsNamingItsPosition() {
        double[] a = {1, 0, 0, Double.NaN};
        assertThatThrownBy(() -> Cholesky.factor(a, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN at (1, 1)");
    }

    @Test
    void blockForwardSubstitutionMatchesTheVectorOneAndTheFactor() {
        double[] a = {4, 2, 0.6, 2, 5, 1, 0.6, 1, 3};
        Cholesky c = Cholesky.factor(a, 3);
        double[][] block = {{1, 0.5}, {-2, 0}, {0.5, 3}}; // two right-hand sides, stored by row
        double[] first = {1, -2, 0.5};
        double[] second = {0.5, 0, 3};
        c.solveLowerInPlace(block);
        c.solveLowerInPlace(first);
        c.solveLowerInPlace(second);
        double[] l = c.lower();
        double[] original = {1, -2, 0.5};
        for (int i = 0; i < 3; i++) {
            assertThat(block[i][0]).isCloseTo(first[i], within(1e-14));
            assertThat(block[i][1]).isCloseTo(second[i], within(1e-14));
            double lz = 0; // L z == b
            for (int k = 0; k < 3; k++) {
                lz += l[i * 3 + k] * first[k];
            }
            assertThat(lz).isCloseTo(original[i], within(1e-12));
        }
    }
}
