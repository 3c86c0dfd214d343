package org.tune4j.optimizer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.Prediction;
import org.tune4j.optimizer.surrogate.Surrogate;

class PartialDependenceTest {
    private final Space space = new Space(List.of(new RealDimension("lr", 1e-6, 1e-2, Prior.LOG_UNIFORM),
            new IntegerDimension("layers", 1, 5), new CategoricalDimension("act", List.of("relu", "sigmoid", "tanh"))));

    /** An additive "surrogate" on the unit cube: u0 + 2 u1 + 3 (tanh column); partial dependence is exact. */
    private final Surrogate additive = new Surrogate() {
        @Override
        public void fit(double[][] x, double[] y) {
        }

        @Override
        public Prediction predict(double[] u) {
            return new Prediction(u[0] + 2 * u[1] + 3 * u[4], 0);
        }
    };

    @Test
    void oneDimensionalCurvesAreInTheOriginalSpaceForEveryType() {
        List<List<Object>> samples = PartialDependence.randomSamples(space, 200, new SplittableRandom(1));
        PartialDependence pd = new PartialDependence(space, additive, samples);
        double othersLr = 0;
        double othersRest = 0;
        for (List<Object> s : samples) {
            double[] u = space.toUnit(s);
            othersLr += (2 * u[1] + 3 * u[4]) / samples.size();
            othersRest += u[0] / samples.size();
        }
        PartialDependence.Curve lr = pd.oneD(0, 5);
        assertThat(lr.dimension()).isEqualTo("lr");
        assertThat(lr.values()).hasSize(5);
        assertThat((Double) lr.values().get(0)).isCloseTo(1e-6, within(1e-18));
        assertThat((Double) lr.values().get(2)).isCloseTo(1e-4, within(1e-15)); // evenly spaced in log10
        assertThat((Double) lr.values().get(4)).isCloseTo(1e-2, within(1e-15));
        for (int g = 0; g < 5; g++) {
            assertThat(lr.means()[g]).isCloseTo(g / 4.0 + othersLr, within(1e-9));
        }
        PartialDependence.Curve layers = pd.oneD(1, 20);
        assertThat(layers.values()).containsExactly(1, 2, 3, 4, 5);
        PartialDependence.Curve act = pd.oneD(2, 20);
        assertThat(act.values()).containsExactly("relu", "sigmoid", "tanh");
        assertThat(act.means()[2] - act.means()[0]).isCloseTo(3.0, within(1e-9));
        assertThat(act.means()[1]).isCloseTo(act.means()[0], within(1e-9));
        assertThat(layers.means()[4] - layers.means()[0]).isCloseTo(2 * 0.8, within(1e-9));
        assertThat(othersRest).isBetween(0.0, 1.0);
    }

    @Test
    void surfacesHoldOneValuePerGridPair() {
        PartialDependence pd = new PartialDependence(space, additive,
                PartialDependence.randomSamples(space, 50, new SplittableRandom(2)));
        PartialDependence.Surface s = pd.twoD(0, 2, 4);
        assertThat(s.xValues()).hasSize(4);
        assertThat(s.yValues()).containsExactly("relu", "sigmoid", "tanh");
        assertThat(s.means()).hasNumberOfRows(3);
        assertThat(s.means()[0]).hasSize(4);
        // additive: moving along x changes every row by the same amount
        for (int y = 0; y < 3; y++) {
            assertThat(s.means()[y][3] - s.means()[y][0]).isCloseTo(1.0, within(1e-9));
        }
        assertThat(s.means()[2][1] - s.means()[0][1]).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void largeIntegerRangesGetDistinctEvenlySpacedValues() {
        List<Object> grid = PartialDependence.grid(new IntegerDimension("nodes", 5, 512), 10);
        assertThat(grid).hasSize(10).doesNotHaveDuplicates();
        assertThat((Integer) grid.get(0)).isBetween(5, 40);
        assertThat((Integer) grid.get(9)).isBetween(480, 512);
    }
}
