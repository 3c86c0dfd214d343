package org.tune4j.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tune4j.optimizer.TestProblems.branin;
import static org.tune4j.optimizer.TestProblems.braninSpace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.surrogate.Prediction;

class BatchAskTest {
    private static final OptimizerConfig FAST = OptimizerConfig.defaults().withSurrogateParameter("restarts", 1)
            .withInitialPoints(4).withCandidates(2_000);

    @Test
    void theLiesAreTheMinimumMeanAndMaximumObservedOrTheSurrogatesBelief() {
        List<Double> observed = List.of(3.0, 1.0, 5.0, 7.0);
        assertThat(BatchStrategy.CL_MIN.lie(observed, () -> { throw new AssertionError("not needed"); }))
                .isEqualTo(1.0);
        assertThat(BatchStrategy.CL_MEAN.lie(observed, () -> { throw new AssertionError("not needed"); }))
                .isEqualTo(4.0);
        assertThat(BatchStrategy.CL_MAX.lie(observed, () -> { throw new AssertionError("not needed"); }))
                .isEqualTo(7.0);
        assertThat(BatchStrategy.KRIGING_BELIEVER.lie(observed, () -> new Prediction(2.5, 0.3))).isEqualTo(2.5);
        assertThat(BatchStrategy.KRIGING_BELIEVER.label()).isEqualTo("kriging-believer");
    }

    @Test
    void everyStrategyGivesDistinctUnevaluatedPendingPoints() {
        for (BatchStrategy strategy : BatchStrategy.values()) {
            Optimizer optimizer = warmedUp();
            Set<List<Object>> seen = new HashSet<>();
            optimizer.result().trials().forEach(t -> seen.add(t.x()));
            List<List<Object>> batch = optimizer.ask(4, strategy);
            assertThat(optimizer.pending()).as(strategy.label()).isEqualTo(batch);
            for (List<Object> x : batch) {
                assertThat(seen.add(x)).as("%s: %s proposed twice", strategy.label(), x).isTrue();
            }
        }
    }

    @Test
    void askOfOneConstantLiarMinBatchIsThePlainAskRepeated() {
        Optimizer batched = warmedUp();
        Optimizer single = warmedUp();
        List<List<Object>> one = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            one.add(single.ask());
        }
        assertThat(batched.ask(3, BatchStrategy.CL_MIN)).isEqualTo(one);
    }

    @Test
    void strategiesDifferOnceTheirLiesDiffer() {
        List<Object> afterMin = warmedUp().ask(2, BatchStrategy.CL_MIN).get(1);
        List<Object> afterMax = warmedUp().ask(2, BatchStrategy.CL_MAX).get(1);
        assertThat(afterMin).isNotEqualTo(afterMax); // the first point is the same, the second sees another lie
        assertThat(warmedUp().ask(2, BatchStrategy.CL_MIN).get(0)).isEqualTo(warmedUp().ask(2, BatchStrategy.CL_MAX)
                .get(0));
    }

    @Test
    void fantasiesAreReproducibleAndAReplayedStudyAsksTheSamePoint() {
        List<List<Object>> batch = warmedUp().ask(3, BatchStrategy.FANTASIES);
        assertThat(warmedUp().ask(3, BatchStrategy.FANTASIES)).isEqualTo(batch);
        // a session rebuilt from the journal (told trials replayed, the first two asks still running)
        Optimizer original = warmedUp();
        Optimizer rebuilt = new Optimizer(braninSpace(), FAST);
        for (Trial t : original.result().trials()) {
            rebuilt.replay(t.x(), t.value());
        }
        rebuilt.addPending(batch.get(0));
        rebuilt.addPending(batch.get(1));
        assertThat(rebuilt.ask(1, BatchStrategy.FANTASIES)).containsExactly(batch.get(2));
    }

    @Test
    void fantasiesDifferFromTheLiesOnceAPointIsPending() {
        List<List<Object>> fantasies = warmedUp().ask(2, BatchStrategy.FANTASIES);
        List<List<Object>> lies = warmedUp().ask(2, BatchStrategy.CL_MIN);
        assertThat(fantasies.get(0)).isEqualTo(lies.get(0)); // nothing pending yet: the same plain ask
        assertThat(fantasies.get(1)).isNotEqualTo(lies.get(1));
    }

    @Test
    void aBatchOfNothingIsRefused() {
        assertThatThrownBy(() -> warmedUp().ask(0, BatchStrategy.CL_MEAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected n >= 1, found 0");
    }

    /** Six told points of Branin (the 4-point initial design and two GP asks). */
    private static Optimizer warmedUp() {
        Optimizer optimizer = new Optimizer(braninSpace(), FAST);
        for (int i = 0; i < 6; i++) {
            List<Object> x = optimizer.ask();
            optimizer.tell(x, branin(x));
        }
        return optimizer;
    }
}
