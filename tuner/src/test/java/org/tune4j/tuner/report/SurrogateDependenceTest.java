package org.tune4j.tuner.report;

import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;
import org.junit.jupiter.api.Test;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.optimizer.TrialState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The surrogate refitted from results.json, and its partial dependence on the plots' axes. */
class SurrogateDependenceTest {

    private static final DimensionAxis LR = new DimensionAxis(new RealDimension("learning_rate", 1e-6, 1e-2,
            Prior.LOG_UNIFORM));
    private static final DimensionAxis LAYERS = new DimensionAxis(new IntegerDimension("num_dense_layers", 1, 5));
    private static final DimensionAxis ACTIVATION = new DimensionAxis(new CategoricalDimension("activation",
            List.of("relu", "sigmoid")));

    /** value = (log10(lr) + 4)^2 / 4 + 0.01 layers + (0.5 for sigmoid): best near lr = 1e-4 with relu. */
    private static StudyResults study(int calls) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            double log = -6 + 4.0 * ((i * 0.618034) % 1.0);
            int layers = 1 + i % 5;
            String activation = i % 3 == 0 ? "sigmoid" : "relu";
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("learning_rate", Math.pow(10, log));
            params.put("num_dense_layers", layers);
            params.put("activation", activation);
            double value = (log + 4) * (log + 4) / 4 + 0.01 * layers + (activation.equals("sigmoid") ? 0.5 : 0);
            trials.add(new TrialRecord(i + 1, params, value, TrialState.COMPLETE, null, 1.0, List.of(), null));
        }
        Map<String, Object> config = Map.of("optimizer", Map.of("surrogate", "GP", "seed", 3));
        return new StudyResults(StudyResults.TUNE, config, new Space(List.of(LR.dimension(), LAYERS.dimension(), ACTIVATION.dimension())), trials, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void partialDependenceFollowsTheObjectiveOnThePlotsAxes() throws PlotSkipped {
        Dependence d = SurrogateDependence.fit(study(20), 11);

        Dependence.Curve lr = d.curve(0);
        assertThat(lr.axis()).hasSize(11);
        assertThat(lr.axis()[0]).isCloseTo(-6, within(1e-9));              // log10 of the grid values
        assertThat(lr.axis()[10]).isCloseTo(-2, within(1e-9));
        int lowest = IntStream.range(0, 11).reduce((a, b) -> lr.mean()[a] <= lr.mean()[b] ? a : b).orElseThrow();
        assertThat(lr.axis()[lowest]).isBetween(-5.0, -3.0);
        Dependence.Curve activation = d.curve(2);
        assertThat(activation.axis()).containsExactly(0, 1);
        assertThat(activation.mean()[1]).isGreaterThan(activation.mean()[0]);   // sigmoid worse
        Dependence.Surface s = d.surface(0, 1);
        assertThat(s.yAxis()).containsExactly(1, 2, 3, 4, 5);
        assertThat(s.mean()).hasNumberOfRows(5);
        assertThat(s.mean()[0]).hasSize(11);
    }

    @Test
    void oneCompleteTrialIsNotEnoughForASurrogate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SurrogateDependence.fit(study(1), 11))
                .isInstanceOf(PlotSkipped.class)
                .hasMessageContaining("a surrogate needs at least 2 complete trials, this run has 1");
    }

    @Test
    void longStudiesAreThinnedEvenlyForAveraging() {
        List<Integer> calls = IntStream.range(0, 120).boxed().toList();

        List<Integer> thinned = SurrogateDependence.thinned(calls);

        assertThat(thinned).hasSize(SurrogateDependence.MAX_BACKGROUND).startsWith(0, 2, 4).isSorted();
        assertThat(SurrogateDependence.thinned(calls.subList(0, 7))).hasSize(7);
    }
}
