package org.tune4j.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceTest {
    /** The tutorial's space. */
    static Space tutorial() {
        return new Space(List.of(
                new RealDimension("learning_rate", 1e-6, 1e-2, Prior.LOG_UNIFORM),
                new IntegerDimension("num_dense_layers", 1, 5, Prior.UNIFORM),
                new IntegerDimension("num_dense_nodes", 5, 512, Prior.UNIFORM),
                new CategoricalDimension("activation", List.of("relu", "sigmoid"))));
    }

    @Test
    void sampledPointsRoundTripThroughTheUnitCube() {
        Space space = new Space(List.of(
                new RealDimension("lr", 1e-6, 1e-2, Prior.LOG_UNIFORM),
                new RealDimension("momentum", 0, 1, Prior.UNIFORM),
                new IntegerDimension("layers", 1, 5, Prior.UNIFORM),
                new IntegerDimension("batch", 16, 1024, Prior.LOG_UNIFORM),
                new CategoricalDimension("act", List.of("relu", "sigmoid")),
                new CategoricalDimension("opt", List.of("adam", "sgd", "rmsprop"))));
        assertThat(space.unitWidth()).isEqualTo(5 + 3);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            List<Object> p = space.sample(rng);
            double[] u = space.toUnit(p);
            for (double v : u) {
                assertThat(v).isBetween(0.0, 1.0);
            }
            List<Object> back = space.fromUnit(u);
            assertThat((Double) back.get(0)).isCloseTo((Double) p.get(0), within(1e-12 * (Double) p.get(0)));
            assertThat((Double) back.get(1)).isCloseTo((Double) p.get(1), within(1e-12));
            assertThat(back.subList(2, 6)).isEqualTo(p.subList(2, 6));
        }
    }

    @Test
    void logPriorIsLinearInTheLogarithm() {
        RealDimension lr = new RealDimension("lr", 1e-6, 1e-2, Prior.LOG_UNIFORM);
        double[] u = new double[1];
        lr.toUnit(1e-4, u, 0);
        assertThat(u[0]).isCloseTo(0.5, within(1e-12));
        assertThat(lr.fromUnit(new double[] {0.25}, 0)).isCloseTo(1e-5, within(1e-17));
        // samples are uniform in log10: about half below 1e-4
        SplittableRandom rng = new SplittableRandom(2);
        int below = 0;
        for (int i = 0; i < 10_000; i++) {
            below += lr.sample(rng) < 1e-4 ? 1 : 0;
        }
        assertThat(below / 10_000.0).isCloseTo(0.5, within(0.02));
    }

    @Test
    void integersShareTheUnitIntervalEqually() {
        IntegerDimension layers = new IntegerDimension("layers", 1, 5);
        int[] counts = new int[6];
        for (int k = 0; k < 1000; k++) {
            counts[layers.fromUnit(new double[] {(k + 0.5) / 1000}, 0)]++;
        }
        assertThat(counts).containsExactly(0, 200, 200, 200, 200, 200);
        assertThat(layers.fromUnit(new double[] {1.0}, 0)).isEqualTo(5);
        assertThat(layers.fromUnit(new double[] {-0.3}, 0)).isEqualTo(1);
    }

    @Test
    void categoricalEncodingIsOneColumnForTwoAndOneHotForMore() {
        CategoricalDimension binary = new CategoricalDimension("act", List.of("relu", "sigmoid"));
        CategoricalDimension three = new CategoricalDimension("opt", List.of("adam", "sgd", "rmsprop"));
        assertThat(binary.unitWidth()).isEqualTo(1);
        assertThat(three.unitWidth()).isEqualTo(3);
        double[] u = new double[3];
        three.toUnit("sgd", u, 0);
        assertThat(u).containsExactly(0, 1, 0);
        assertThat(three.fromUnit(new double[] {0.2, 0.1, 0.7}, 0)).isEqualTo("rmsprop");
        assertThat(binary.fromUnit(new double[] {0.7}, 0)).isEqualTo("sigmoid");
    }

    @Test
    void validationCoercesAndNamesTheProblem() {
        Space space = tutorial();
        List<Object> p = space.validate(List.of(1e-5, 2L, 16.0, "relu"));
        assertThat(p).containsExactly(1e-5, 2, 16, "relu");
        assertThat(p.get(1)).isInstanceOf(Integer.class);
        assertThatThrownBy(() -> space.validate(List.of(0.1, 2, 16, "relu")))
                .hasMessageContaining("learning_rate").hasMessageContaining("0.1").hasMessageContaining("1.0E-6");
        assertThatThrownBy(() -> space.validate(List.of(1e-5, 2.5, 16, "relu")))
                .hasMessageContaining("num_dense_layers").hasMessageContaining("2.5").hasMessageContaining("[1, 5]");
        assertThatThrownBy(() -> space.validate(List.of(1e-5, 2, 16, "tanh")))
                .hasMessageContaining("activation").hasMessageContaining("tanh").hasMessageContaining("[relu, sigmoid]");
        assertThatThrownBy(() -> space.validate(List.of(1e-5, 2, 16)))
                .hasMessageContaining("expected a point with 4 values");
    }

    @Test
    void constructionErrorsNameTheDimensionAndField() {
        assertThatThrownBy(() -> new RealDimension("lr", 1, 1, Prior.UNIFORM))
                .hasMessageContaining("dimension \"lr\": field \"high\"").hasMessageContaining("low < high");
        assertThatThrownBy(() -> new RealDimension("lr", 0, 1, Prior.LOG_UNIFORM))
                .hasMessageContaining("dimension \"lr\": field \"low\"").hasMessageContaining("log-uniform")
                .hasMessageContaining("found low 0.0");
        assertThatThrownBy(() -> new IntegerDimension("n", 5, 2, Prior.UNIFORM))
                .hasMessageContaining("dimension \"n\"").hasMessageContaining("low 5, high 2");
        assertThatThrownBy(() -> new CategoricalDimension("act", List.of()))
                .hasMessageContaining("dimension \"act\": field \"categories\"")
                .hasMessageContaining("expected at least one category, found none");
        assertThatThrownBy(() -> new CategoricalDimension("act", List.of("relu", "relu")))
                .hasMessageContaining("dimension \"act\": field \"categories\"")
                .hasMessageContaining("found \"relu\" twice");
        assertThatThrownBy(() -> new Space(List.of(new IntegerDimension("a", 0, 1), new IntegerDimension("a", 0, 2))))
                .hasMessage("dimension \"a\": expected distinct dimension names, found \"a\" twice");
    }

    @Test
    void boundsThatWouldFailOnlyAfterSomeTrialsAreRefusedAtConstruction() {
        // an empty-string category cannot be told apart from a missing value in a CSV or on a command line
        assertThatThrownBy(() -> new CategoricalDimension("act", List.of("relu", "")))
                .hasMessage("dimension \"act\": field \"categories\": expected non-empty names, found \"\" in [relu, ]");
        // the span overflows to infinity: every unit-cube point would decode to NaN or infinity
        assertThatThrownBy(() -> new RealDimension("x", -Double.MAX_VALUE, Double.MAX_VALUE))
                .hasMessageContaining("dimension \"x\": field \"high\"").hasMessageContaining("span");
        assertThatThrownBy(() -> new RealDimension("x", 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("dimension \"x\": field \"high\": expected a finite number");
        assertThatThrownBy(() -> new RealDimension("x", Double.NaN, 1))
                .hasMessageContaining("dimension \"x\": field \"low\": expected a finite number");
        // a span of two doubles runs out of unevaluated points after two trials: refused (DimensionLimitsTest);
        // the smallest span accepted still decodes inside the bounds
        double low = 1.0;
        double high = low + RealDimension.MIN_DISTINCT_VALUES * Math.ulp(low);
        assertThatThrownBy(() -> new RealDimension("x", low, Math.nextUp(low))).hasMessageContaining("at least 1000");
        RealDimension tiny = new RealDimension("x", low, high);
        assertThat(tiny.fromUnit(new double[] {0.5}, 0)).isBetween(low, high);
    }

    @Test
    void spacesWithEqualDimensionsInTheSameOrderAreEqual() {
        assertThat(tutorial()).isEqualTo(tutorial()).hasSameHashCodeAs(tutorial());
        List<Dimension> reversed = new java.util.ArrayList<>(tutorial().dimensions());
        java.util.Collections.reverse(reversed);
        assertThat(new Space(reversed)).isNotEqualTo(tutorial());
        assertThat(new Space(List.of(new RealDimension("x", 1, 2))))
                .isNotEqualTo(new Space(List.of(new RealDimension("x", 1, 2, Prior.LOG_UNIFORM))))
                .isNotEqualTo(new Space(List.of(new RealDimension("x", 1, 3))));
    }

    @Test
    void mapsKeepDimensionOrderAndRejectMissingOrUnknownNames() {
        Space space = tutorial();
        List<Object> p = List.of(1e-3, 2, 104, "relu");
        Map<String, Object> map = space.toMap(p);
        assertThat(map.keySet()).containsExactly("learning_rate", "num_dense_layers", "num_dense_nodes", "activation");
        assertThat(space.fromMap(map)).isEqualTo(p);
        Map<String, Object> missing = new LinkedHashMap<>(map);
        missing.remove("num_dense_nodes");
        assertThatThrownBy(() -> space.fromMap(missing)).hasMessageContaining("missing value for dimension "
                + "\"num_dense_nodes\"");
        Map<String, Object> unknown = new LinkedHashMap<>(map);
        unknown.put("dropout", 0.5);
        assertThatThrownBy(() -> space.fromMap(unknown)).hasMessageContaining("unknown dimension \"dropout\"");
        assertThat(space.indexOf("activation")).isEqualTo(3);
        assertThatThrownBy(() -> space.indexOf("nope")).hasMessageContaining("unknown dimension \"nope\"");
    }

    @Test
    void finiteSpacesCountAndEnumerateTheirPoints() {
        Space small = new Space(List.of(new IntegerDimension("a", 1, 3),
                new IntegerDimension("b", 2, 64, Prior.LOG_UNIFORM), new CategoricalDimension("c", List.of("x", "y"))));
        assertThat(small.isFinite()).isTrue();
        assertThat(small.cardinality()).isEqualTo(3 * 63 * 2);
        var all = new HashSet<List<Object>>();
        for (long k = 0; k < small.cardinality(); k++) {
            all.add(small.validate(small.pointAt(k)));
        }
        assertThat(all).hasSize(3 * 63 * 2);
        assertThat(tutorial().isFinite()).isFalse();
        assertThat(tutorial().cardinality()).isEqualTo(Long.MAX_VALUE);
    }
}
