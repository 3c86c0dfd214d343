package org.tune4j.optimizer.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.surrogate.Prediction;

class LocalPenaltyTest {

    @Test
    void onePenalizerIsPhiOfTheScaledDistanceBeyondTheBallsRadius() {
        // L = 2, μ_j - M = 0.5, σ_j = 0.25; at distance 0.5: z = (2·0.5 - 0.5) / 0.25 = 2
        LocalPenalty p = LocalPenalty.of(List.of(new double[] {0, 0}), new Prediction[] {new Prediction(1.5, 0.25)},
                1.0, 2.0);
        assertThat(p.value(new double[] {0.3, 0.4}, null)).isCloseTo(0.9772498680518208, within(1e-12)); // Φ(2)
    }

    @Test
    void severalPenalizersMultiply() {
        // the second center is 0.25 away, L·0.25 = 0.5 = its μ - M: z = 0, Φ(0) = 1/2
        LocalPenalty p = new LocalPenalty(List.of(new double[] {0, 0}, new double[] {0.3, 0.65}),
                new double[] {0.5, 0.5}, new double[] {0.25, 0.1}, 2.0);
        assertThat(p.value(new double[] {0.3, 0.4}, null)).isCloseTo(0.9772498680518208 / 2, within(1e-12));
    }

    @Test
    void theGradientMatchesCentralDifferences() {
        LocalPenalty p = new LocalPenalty(List.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.7, 0.5, 0.2}),
                new double[] {0.3, 0.05}, new double[] {0.2, 0.4}, 1.7);
        double[] x = {0.4, 0.35, 0.6};
        double[] g = new double[3];
        p.value(x, g);
        double h = 1e-6;
        for (int i = 0; i < 3; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (p.value(up, null) - p.value(down, null)) / (2 * h);
            assertThat(g[i]).as("d/dx%d", i).isCloseTo(numeric, within(1e-8));
        }
    }

    @Test
    void theLipschitzConstantMustBePositive() {
        assertThatThrownBy(() -> new LocalPenalty(List.of(new double[] {0}), new double[] {0}, new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L = 0.0");
    }
}
