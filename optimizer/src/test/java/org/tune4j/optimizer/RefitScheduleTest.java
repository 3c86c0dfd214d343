package org.tune4j.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.tune4j.optimizer.TestProblems.branin;
import static org.tune4j.optimizer.TestProblems.braninSpace;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.surrogate.Prediction;

class RefitScheduleTest {
    private static final OptimizerConfig FAST = OptimizerConfig.defaults().withSurrogateParameter("restarts", 1)
            .withInitialPoints(5).withCandidates(1_000);
    private static final RefitSchedule SMALL = new RefitSchedule(8, 4);

    @Test
    void refitsEveryTimeUpToTheSizeThenAtEveryStep() {
        assertThat(SMALL.fittedOn(3)).isEqualTo(3);
        assertThat(SMALL.fittedOn(8)).isEqualTo(8);
        assertThat(SMALL.fittedOn(11)).isEqualTo(8);
        assertThat(SMALL.fittedOn(12)).isEqualTo(12);
        assertThat(SMALL.fittedOn(15)).isEqualTo(12);
        assertThat(RefitSchedule.DEFAULT.candidates(10_000, 200)).isEqualTo(10_000);
        assertThat(RefitSchedule.DEFAULT.candidates(10_000, 1_000)).isEqualTo(400);
        assertThat(RefitSchedule.DEFAULT.candidates(10_000, 2_000)).isEqualTo(100);
        assertThat(RefitSchedule.DEFAULT.candidates(10_000, 5_000)).isEqualTo(100);
        assertThat(RefitSchedule.DEFAULT.candidates(50, 5_000)).isEqualTo(50);
        assertThatThrownBy(() -> new RefitSchedule(0, 4)).hasMessageContaining("everyUpTo >= 1");
    }

    @Test
    void anOptimizerRebuiltPastTheRefitSizeProposesWhatTheOriginalWould() {
        Optimizer original = new Optimizer(braninSpace(), FAST, SMALL);
        for (int i = 0; i < 14; i++) { // refits at 8 and 12, conditioned in between
            List<Object> x = original.ask();
            original.tell(x, branin(x));
        }
        Optimizer rebuilt = new Optimizer(braninSpace(), FAST, SMALL);
        for (Trial t : original.result().trials()) {
            rebuilt.replay(t.x(), t.value());
        }
        List<Object> next = original.ask();
        assertThat(rebuilt.ask()).isEqualTo(next);
        original.tell(next, branin(next));
        rebuilt.tell(next, branin(next));
        assertThat(rebuilt.ask()).isEqualTo(original.ask());
    }

    @Test
    void optimizersRebuiltWithAFitMemoProposeWhatOnesWithoutWouldAndShareTheScheduledFit() {
        Optimizer original = new Optimizer(braninSpace(), FAST, SMALL);
        for (int i = 0; i < 10; i++) { // past 8: the scheduled fit on the first 8, conditioned on the others
            List<Object> x = original.ask();
            original.tell(x, branin(x));
        }
        List<Trial> trials = original.result().trials();
        FitMemo memo = new FitMemo();
        List<Object> pending = List.of(1.0, 2.0);
        for (int k = 0; k < 3; k++) {   // a worker rebuilding at each ask, with a pending point from the third on
            Optimizer withMemo = new Optimizer(braninSpace(), FAST, SMALL, memo);
            Optimizer without = new Optimizer(braninSpace(), FAST, SMALL);
            for (Trial t : trials.subList(0, 9 + Math.min(k, 1))) {
                withMemo.replay(t.x(), t.value());
                without.replay(t.x(), t.value());
            }
            if (k == 2) {
                withMemo.addPending(pending);
                without.addPending(pending);
            }
            assertThat(withMemo.ask()).isEqualTo(without.ask());
        }
        assertThat(memo.hits()).isEqualTo(2); // fitted once on the first 8, handed back twice
        Optimizer otherValues = new Optimizer(braninSpace(), FAST, SMALL, memo);
        for (Trial t : trials.subList(0, 9)) {
            otherValues.replay(t.x(), t.value() + 1);  // same points, other values: refitted
        }
        Optimizer reference = new Optimizer(braninSpace(), FAST, SMALL);
        for (Trial t : trials.subList(0, 9)) {
            reference.replay(t.x(), t.value() + 1);
        }
        assertThat(otherValues.ask()).isEqualTo(reference.ask());
        assertThat(memo.hits()).isEqualTo(2);
    }

    @Test
    void aWorkersOptimizerFitsBeforeThePendingPointsAreKnownAndConditionsTheLiesOnThatFit() {
        Optimizer sequential = new Optimizer(braninSpace(), FAST);
        for (int i = 0; i < 9; i++) {
            List<Object> x = sequential.ask();
            sequential.tell(x, branin(x));
        }
        List<Trial> trials = sequential.result().trials();
        List<List<Object>> pending = List.of(List.of(1.0, 2.0), List.of(-3.0, 12.0));
        FitMemo memo = new FitMemo();
        Optimizer prepared = Optimizer.forWorker(braninSpace(), FAST, memo);
        trials.forEach(t -> prepared.replay(t.x(), t.value()));
        double mean = prepared.surrogate().orElseThrow().predict(new double[] {0.3, 0.3}).mean(); // fitted now
        Optimizer asking = Optimizer.forWorker(braninSpace(), FAST, memo); // rebuilt later, with the same trials
        trials.forEach(t -> asking.replay(t.x(), t.value()));
        pending.forEach(asking::addPending);
        List<Object> x = asking.ask();
        assertThat(memo.hits()).isEqualTo(1);  // the fit was not redone, neither for the trials nor for the lies
        assertThat(asking.surrogate().orElseThrow().predict(new double[] {0.3, 0.3}).mean()).isEqualTo(mean);
        Optimizer cold = Optimizer.forWorker(braninSpace(), FAST, new FitMemo());
        trials.forEach(t -> cold.replay(t.x(), t.value()));
        pending.forEach(cold::addPending);
        assertThat(cold.ask()).isEqualTo(x);   // the memo changes the cost, not the proposal
        assertThat(x).isNotIn(pending);
    }

    @Test
    void aFailedTrialBetweenRefitsLeavesTheConditionedSurrogateAsItWas() {
        Optimizer optimizer = new Optimizer(braninSpace(), FAST, SMALL);
        for (int i = 0; i < 10; i++) {
            List<Object> x = optimizer.ask();
            optimizer.tell(x, branin(x));
        }
        List<Object> probe = optimizer.result().trials().get(9).x();
        double before = optimizer.predict(probe).orElseThrow().mean();
        optimizer.tellFailed(optimizer.ask());
        assertThat(optimizer.predict(probe).orElseThrow().mean()).isEqualTo(before);
        assertThat(optimizer.ask()).hasSize(2);
    }

    @Test
    void betweenRefitsTheSurrogateIsTheLastFitConditionedOnTheNewObservations() {
        Optimizer scheduled = new Optimizer(braninSpace(), FAST, SMALL);
        for (int i = 0; i < 10; i++) {
            List<Object> x = scheduled.ask();
            scheduled.tell(x, branin(x));
        }
        // fitted on the first 8 and conditioned on 2: it interpolates all 10 about as well as a refit
        List<Trial> trials = scheduled.result().trials();
        Optimizer refitted = new Optimizer(braninSpace(), FAST);
        trials.forEach(t -> refitted.replay(t.x(), t.value()));
        for (Trial t : trials.subList(8, 10)) {
            Prediction p = scheduled.predict(t.x()).orElseThrow();
            Prediction q = refitted.predict(t.x()).orElseThrow();
            assertThat(p.mean()).isCloseTo(t.value(), within(0.05 * Math.abs(t.value()) + 1));
            assertThat(Math.abs(p.mean() - q.mean())).isLessThan(0.05 * Math.abs(t.value()) + 1);
        }
    }
}
