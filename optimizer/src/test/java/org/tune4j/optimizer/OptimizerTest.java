package org.tune4j.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tune4j.optimizer.TestProblems.branin;
import static org.tune4j.optimizer.TestProblems.braninSpace;
import static org.tune4j.optimizer.TestProblems.regret;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.acquisition.GpHedge;
import org.tune4j.optimizer.acquisition.LowerConfidenceBound;
import org.tune4j.optimizer.acquisition.ProbabilityOfImprovement;
import org.tune4j.optimizer.initial.LatinHypercubeDesign;
import org.tune4j.optimizer.initial.SobolDesign;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.ExtraTrees;
import org.tune4j.optimizer.surrogate.GaussianProcess;
import org.tune4j.optimizer.surrogate.RandomForest;
import org.tune4j.optimizer.surrogate.RandomSearch;
import org.tune4j.optimizer.surrogate.SurrogateFactory;

class OptimizerTest {
    private static final OptimizerConfig FAST = OptimizerConfig.defaults().withSurrogateParameter("restarts", 1);
    private static final SurrogateFactory GP = new GaussianProcess.Factory();
    private static final SurrogateFactory FOREST = new RandomForest.Factory();
    private static final SurrogateFactory EXTRA_TREES = new ExtraTrees.Factory();
    private static final SurrogateFactory RANDOM = new RandomSearch();
    private static final AcquisitionFactory PI = new ProbabilityOfImprovement.Factory();
    private static final AcquisitionFactory LCB = new LowerConfidenceBound.Factory();
    private static final AcquisitionFactory HEDGE = new GpHedge.Factory();

    @Test
    void gpWithExpectedImprovementFindsTheBraninOptimumAndBeatsRandomSearch() {
        OptimizeResult gp = Minimizer.minimize(TestProblems::branin, braninSpace(), FAST, 40, List.of());
        OptimizeResult random = Minimizer.minimize(TestProblems::branin, braninSpace(),
                FAST.withSurrogate(RANDOM), 40, List.of());
        assertThat(gp.trials()).hasSize(40);
        assertThat(regret(gp)).isLessThan(0.05);
        assertThat(regret(gp)).isLessThan(regret(random));
    }

    @Test
    void minimizeIsTheSameAsAHandWrittenAskTellLoop() {
        List<Object> x0 = List.of(1.0, 2.0);
        OptimizeResult viaMinimize = Minimizer.minimize(TestProblems::branin, braninSpace(),
                FAST.withSeed(42).withInitialPoints(5), 14, List.of(x0));
        Optimizer optimizer = new Optimizer(braninSpace(), FAST.withSeed(42).withInitialPoints(5));
        optimizer.tell(x0, branin(x0));
        for (int i = 1; i < 14; i++) {
            List<Object> x = optimizer.ask();
            optimizer.tell(x, branin(x));
        }
        assertThat(optimizer.result().trials()).isEqualTo(viaMinimize.trials());
    }

    @Test
    void aStudyResumedByReplayingItsTrialsProposesWhatTheOriginalWould() {
        OptimizerConfig config = FAST.withSeed(7).withInitialPoints(4).withInitialDesign(new LatinHypercubeDesign());
        assertResumeReproduces(config);
        assertResumeReproduces(config.withAcquisition(HEDGE)); // gains rebuilt from the replay
        assertResumeReproduces(config.withSurrogate(EXTRA_TREES).withCandidates(500));
    }

    @Test
    void hedgeGainsAreRebuiltFromAReplay() {
        OptimizerConfig config = FAST.withSeed(3).withInitialPoints(4).withAcquisition(HEDGE)
                .withCandidates(2000);
        Optimizer original = new Optimizer(braninSpace(), config);
        List<double[]> gainsAfterAsk = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            List<Object> x = original.ask();
            gainsAfterAsk.add(gains(original));
            original.tell(x, branin(x));
        }
        assertThat(gainsAfterAsk.get(12)).isNotEqualTo(new double[3]);
        Optimizer resumed = new Optimizer(braninSpace(), config);
        for (Trial t : original.result().trials().subList(0, 12)) {
            resumed.replay(t.x(), t.value());
        }
        assertThat(resumed.ask()).isEqualTo(original.result().trials().get(12).x());
        assertThat(gains(resumed)).containsExactly(gainsAfterAsk.get(12));
    }

    private static double[] gains(Optimizer optimizer) {
        return ((GpHedge) optimizer.acquisitionPolicy()).gains();
    }

    private static void assertResumeReproduces(OptimizerConfig config) {
        Optimizer original = new Optimizer(braninSpace(), config);
        List<Object> x0 = List.of(0.0, 0.0);
        original.tell(x0, branin(x0));
        for (int i = 1; i < 16; i++) {
            List<Object> x = original.ask();
            if (i == 6) {
                original.tellFailed(x);
            } else {
                original.tell(x, branin(x));
            }
        }
        List<Trial> trials = original.result().trials();
        int cut = 9; // the "crash" happened after 9 trials
        Optimizer resumed = new Optimizer(braninSpace(), config);
        for (Trial t : trials.subList(0, cut)) {
            if (t.number() == 0) {
                resumed.tell(t.x(), t.value());
            } else if (t.isComplete()) {
                resumed.replay(t.x(), t.value());
            } else {
                resumed.replayFailed(t.x());
            }
        }
        for (Trial t : trials.subList(cut, trials.size())) {
            List<Object> x = resumed.ask();
            assertThat(x).as("%s+%s trial %d", config.surrogate().name(), config.acquisition().name(), t.number()).isEqualTo(t.x());
            resumed.tell(x, t.value());
        }
        assertThat(resumed.result().trials()).isEqualTo(trials);
    }

    @Test
    void aPointMarkedPendingIsTreatedAsIfItHadBeenAsked() {
        OptimizerConfig config = FAST.withSeed(5).withInitialPoints(4);
        Optimizer asking = new Optimizer(braninSpace(), config);
        List<List<Object>> asked = new ArrayList<>();
        for (int i = 0; i < 7; i++) { // 4 from the design, then 3 from the GP with the earlier ones pending
            asked.add(asking.ask());
            if (i == 1 || i == 4) {   // two told while the others stay pending
                asking.tell(asked.get(i), branin(asked.get(i)));
            }
        }
        Optimizer marking = new Optimizer(braninSpace(), config);
        for (int i = 0; i < 6; i++) {
            if (i == 1 || i == 4) {
                marking.replay(asked.get(i), branin(asked.get(i)));
            } else {
                marking.addPending(asked.get(i));
            }
        }
        assertThat(marking.pending()).containsExactlyInAnyOrderElementsOf(
                List.of(asked.get(0), asked.get(2), asked.get(3), asked.get(5)));
        assertThat(marking.ask()).isEqualTo(asked.get(6)); // same lies, same random stream: the same point
        marking.addPending(asked.get(0));                  // known already: no change
        assertThat(marking.pending()).hasSize(5);
    }

    @Test
    void askForSeveralWorkersGivesDistinctUnevaluatedPoints() {
        Optimizer optimizer = new Optimizer(braninSpace(), FAST.withInitialPoints(3));
        Set<List<Object>> seen = new HashSet<>();
        for (List<Object> x : optimizer.ask(3)) { // from the initial design
            assertThat(seen.add(x)).isTrue();
            optimizer.tell(x, branin(x));
        }
        List<List<Object>> batch = optimizer.ask(4); // from the GP, constant liar between them
        assertThat(optimizer.pending()).isEqualTo(batch);
        for (List<Object> x : batch) {
            assertThat(seen.add(x)).as("%s proposed twice", x).isTrue();
        }
        for (List<Object> x : batch) {
            optimizer.tell(x, branin(x));
        }
        assertThat(optimizer.pending()).isEmpty();
        assertThat(optimizer.result().trials()).hasSize(7);
    }

    @Test
    void neverReproposesAPointOfASmallIntegerSpaceAndReportsExhaustion() {
        Space small = new Space(List.of(new IntegerDimension("a", 1, 3), new IntegerDimension("b", 1, 4)));
        Objective f = x -> {
            int a = (Integer) x.get(0);
            int b = (Integer) x.get(1);
            return (a - 2) * (a - 2) + (b - 3) * (b - 3);
        };
        for (SurrogateFactory kind : List.of(GP, FOREST, EXTRA_TREES, RANDOM)) {
            OptimizeResult r = Minimizer.minimize(f, small, FAST.withSurrogate(kind).withInitialPoints(3)
                    .withCandidates(50), 20, List.of());
            Set<List<Object>> distinct = new HashSet<>();
            r.trials().forEach(t -> distinct.add(t.x()));
            assertThat(r.trials()).as(kind.name()).hasSize(12);
            assertThat(distinct).as(kind.name()).hasSize(12);
            assertThat(r.stopReason()).hasValueSatisfying(s -> assertThat(s).contains("exhausted").contains("12"));
        }
        Optimizer optimizer = new Optimizer(small, FAST);
        for (int i = 0; i < 12; i++) {
            optimizer.tellFailed(optimizer.ask());
        }
        assertThat(optimizer.isExhausted()).isTrue();
        assertThatThrownBy(optimizer::ask).isInstanceOf(SpaceExhaustedException.class)
                .hasMessageContaining("all 12 points");
    }

    @Test
    void givenPointsDoNotCountTowardTheInitialDesign() {
        OptimizerConfig config = FAST.withInitialPoints(3).withInitialDesign(new SobolDesign());
        Optimizer plain = new Optimizer(braninSpace(), config);
        Optimizer warm = new Optimizer(braninSpace(), config);
        List<Object> x0 = List.of(2.0, 3.0);
        warm.tell(x0, branin(x0));
        for (int i = 0; i < 3; i++) {
            List<Object> a = plain.ask();
            List<Object> b = warm.ask();
            assertThat(b).as("design point %d", i).isEqualTo(a);
            plain.tell(a, branin(a));
            warm.tell(b, branin(b));
        }
    }

    @Test
    void knownValuesWarmStartWithoutBeingEvaluated() {
        List<List<Object>> evaluated = new ArrayList<>();
        Objective counting = x -> {
            evaluated.add(x);
            return branin(x);
        };
        List<Object> x0 = List.of(3.0, 2.0);
        OptimizeResult r = Minimizer.minimize(counting, braninSpace(), FAST.withInitialPoints(3), 5, List.of(x0),
                List.of(42.0));
        assertThat(r.trials()).hasSize(6);
        assertThat(r.trials().get(0)).isEqualTo(new Trial(0, x0, 42.0, TrialState.COMPLETE));
        assertThat(evaluated).hasSize(5).doesNotContain(x0);
        assertThatThrownBy(() -> Minimizer.minimize(counting, braninSpace(), FAST, 5, List.of(x0), List.of()))
                .hasMessageContaining("0 values for 1 points");
    }

    @Test
    void tellRejectsNonFiniteValuesAndInvalidPoints() {
        Optimizer optimizer = new Optimizer(braninSpace(), FAST);
        List<Object> x = optimizer.ask();
        assertThatThrownBy(() -> optimizer.tell(x, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite").hasMessageContaining("NaN").hasMessageContaining("tellFailed");
        assertThatThrownBy(() -> optimizer.tell(List.of(11.0, 1.0), 1.0)).hasMessageContaining("x1")
                .hasMessageContaining("11.0");
        optimizer.tellFailed(x);
        assertThat(optimizer.result().trials().get(0).state()).isEqualTo(TrialState.FAILED);
        assertThat(optimizer.result().best()).isEmpty();
    }

    @Test
    void failingObjectivesBecomeFailedTrialsAndTheRunGoesOn() {
        Objective flaky = x -> {
            double v = branin(x);
            if ((Double) x.get(0) > 5) {
                throw new IllegalStateException("simulated crash");
            }
            return (Double) x.get(1) > 12 ? Double.NaN : v;
        };
        OptimizeResult r = Minimizer.minimize(flaky, braninSpace(), FAST.withInitialPoints(5), 15, List.of(),
                List.of());
        assertThat(r.trials()).hasSize(15);
        assertThat(r.trials()).anyMatch(t -> t.state() == TrialState.FAILED);
        assertThat(r.trials()).allMatch(t -> t.isComplete() == ((Double) t.x().get(0) <= 5 && (Double) t.x().get(1) <= 12));
    }

    @Test
    void expectedMinimumIsWhereTheSurrogateBelievesTheOptimumIs() {
        Optimizer optimizer = new Optimizer(braninSpace(), FAST);
        assertThat(optimizer.expectedMinimum()).isEmpty();
        for (int i = 0; i < 25; i++) {
            List<Object> x = optimizer.ask();
            optimizer.tell(x, branin(x));
        }
        ExpectedMinimum m = optimizer.expectedMinimum().orElseThrow();
        double best = optimizer.result().best().orElseThrow().value();
        assertThat(m.predictedValue()).isLessThanOrEqualTo(optimizer.predict(optimizer.result().best().get().x())
                .orElseThrow().mean() + 1e-9);
        assertThat(branin(m.x()) - TestProblems.BRANIN_MINIMUM).isLessThan(Math.max(0.5, best));
        assertThat(optimizer.surrogate()).isPresent();
    }

    @Test
    void otherSurrogatesAndAcquisitionsImproveOnTheirInitialDesign() {
        Space mixed = new Space(List.of(new org.tune4j.optimizer.space.RealDimension("x1", -5, 10),
                new org.tune4j.optimizer.space.RealDimension("x2", 0, 15),
                new CategoricalDimension("shift", List.of("none", "up", "down"))));
        Objective f = x -> branin(x.subList(0, 2)) + switch ((String) x.get(2)) {
            case "up" -> 5.0;
            case "down" -> 2.0;
            default -> 0.0;
        };
        for (OptimizerConfig config : List.of(FAST, FAST.withAcquisition(LCB),
                FAST.withAcquisition(PI), FAST.withAcquisition(HEDGE),
                FAST.withSurrogate(FOREST), FAST.withSurrogate(EXTRA_TREES))) {
            OptimizeResult r = Minimizer.minimize(f, mixed, config, 30, List.of());
            double[] bestSoFar = r.bestSoFar();
            String label = config.surrogate().name() + "+" + config.acquisition().name();
            assertThat(bestSoFar[29]).as(label).isLessThan(bestSoFar[9]);
            if (config.acquisition().equals(PI) || config.acquisition().equals(HEDGE)) {
                continue; // PI is greedy (Lizotte 2008) and hedge favours it: with this seed both settle in
                          // the "down" basin (regret 2) within 30 calls; with seeds 2-4 they reach "none"
            }
            if (!config.surrogate().equals(GP)) {
                continue; // forests need more calls (regret 0.1 - 2 after 50 calls on plain Branin)
            }
            assertThat(bestSoFar[29] - TestProblems.BRANIN_MINIMUM).as(label).isLessThan(1.0);
            assertThat(r.best().orElseThrow().x().get(2)).as(label).isEqualTo("none");
        }
    }
}
