package org.tune4j.optimizer.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.TrialState;

/** Each pruner's decisions on hand-computed report sequences (values are minimized). */
class PrunerTest {

    private static TrialReports complete(int n, Map<Integer, Double> v) {
        return TrialReports.of(n, TrialState.COMPLETE, v);
    }

    private static TrialReports running(int n, Map<Integer, Double> v) {
        return TrialReports.of(n, TrialState.PENDING, v);
    }

    private static final List<TrialReports> THREE_COMPLETE = List.of(
            complete(1, Map.of(1, -0.5, 2, -0.7, 3, -0.9)),
            complete(2, Map.of(1, -0.4, 2, -0.6, 3, -0.8)),
            complete(3, Map.of(1, -0.3, 2, -0.5, 3, -0.7)),
            TrialReports.of(4, TrialState.PRUNED, Map.of(1, -0.1, 2, -0.1)));   // pruned: never sets the median

    private static Pruner median(int warmup, int minTrials) {
        return new PrunerConfig(new PercentilePruner.Median(), Map.of("warmup_steps", (double) warmup, "min_trials",
                (double) minTrials)).create(0, 3);
    }

    @Test
    void medianRuleWithWarmUp() {
        Pruner p = median(1, 3);
        // step 1 is warm-up: never pruned, however bad
        assertThat(p.decide(running(5, Map.of(1, -0.01)), THREE_COMPLETE).prune()).isFalse();
        // step 2: median of the complete trials' -0.7, -0.6, -0.5 is -0.6; -0.55 is worse
        PruneDecision d = p.decide(running(5, Map.of(1, -0.1, 2, -0.55)), THREE_COMPLETE);
        assertThat(d.prune()).isTrue();
        assertThat(d.rule()).isEqualTo("median");
        assertThat(d.threshold()).isEqualTo(-0.6);
        assertThat(d.compared()).isEqualTo(3);
        assertThat(p.decide(running(5, Map.of(1, -0.1, 2, -0.65)), THREE_COMPLETE).prune()).isFalse();
        // the trial's best so far counts: -0.62 at step 1 beats the step-2 median
        assertThat(p.decide(running(5, Map.of(1, -0.62, 2, -0.3)), THREE_COMPLETE).prune()).isFalse();
        // without warm-up, step 1 is judged: median of -0.5, -0.4, -0.3 is -0.4
        PruneDecision early = median(0, 3).decide(running(5, Map.of(1, -0.35)), THREE_COMPLETE);
        assertThat(early.prune()).isTrue();
        assertThat(early.threshold()).isEqualTo(-0.4);
    }

    @Test
    void medianWaitsForMinTrialsCompleteTrialsAtTheStep() {
        assertThat(median(0, 4).decide(running(5, Map.of(1, 0.0)), THREE_COMPLETE)).isEqualTo(PruneDecision.keep());
        // a step no complete trial reached: nothing to compare with
        assertThat(median(0, 1).decide(running(5, Map.of(1, -0.9, 2, -0.9, 3, -0.9, 4, 0.0)), THREE_COMPLETE).prune())
                .isFalse();
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        // numpy.percentile([-0.9, -0.8, -0.7, -0.6], 25) = -0.825
        assertThat(PercentilePruner.percentile(List.of(-0.6, -0.9, -0.7, -0.8), 25)).isCloseTo(-0.825, within(1e-12));
        assertThat(PercentilePruner.percentile(List.of(3.0, 1.0, 2.0), 50)).isEqualTo(2.0);
        assertThat(PercentilePruner.percentile(List.of(5.0), 25)).isEqualTo(5.0);
        List<TrialReports> four = new ArrayList<>(THREE_COMPLETE);
        four.add(complete(6, Map.of(1, -0.9, 2, -0.9)));
        Pruner p = new PrunerConfig(new PercentilePruner.Percentile(), Map.of("percentile", 25.0, "min_trials", 1.0))
                .create(0, 3);
        // step 2 values -0.7, -0.6, -0.5, -0.9 -> 25th percentile -0.75
        PruneDecision d = p.decide(running(7, Map.of(1, 0.0, 2, -0.74)), four);
        assertThat(d.prune()).isTrue();
        assertThat(d.rule()).isEqualTo("25th percentile");
        assertThat(d.threshold()).isCloseTo(-0.75, within(1e-12));
        assertThat(p.decide(running(7, Map.of(1, 0.0, 2, -0.76)), four).prune()).isFalse();
    }

    @Test
    void ashaRungsWithReductionFactorThree() {
        SuccessiveHalvingPruner asha = new SuccessiveHalvingPruner(1, 3, 0, "");
        assertThat(List.of(asha.rung(0), asha.rung(1), asha.rung(2), asha.rung(3))).containsExactly(1L, 3L, 9L, 27L);
        assertThat(new SuccessiveHalvingPruner(2, 3, 1, "").rung(0)).isEqualTo(6L);

        List<TrialReports> study = new ArrayList<>();
        // trial 1 alone at rung 1 (step 1): it is the best there, kept; step 2 is no rung
        assertThat(asha.decide(running(1, Map.of(1, 0.5)), study).prune()).isFalse();
        assertThat(asha.decide(running(1, Map.of(1, 0.5, 2, 0.45)), study)).isEqualTo(PruneDecision.keep());
        study.add(running(1, Map.of(1, 0.5, 2, 0.45, 3, 0.42)));       // still running: it competes all the same
        // trial 2 at step 1: competing {0.6, 0.5}, fewer than eta -> only the best goes on
        PruneDecision d2 = asha.decide(running(2, Map.of(1, 0.6)), study);
        assertThat(d2.prune()).isTrue();
        assertThat(d2.rule()).isEqualTo("rung 1 top-1/3 cut");
        assertThat(d2.threshold()).isEqualTo(0.5);
        assertThat(d2.compared()).isEqualTo(2);
        study.add(TrialReports.of(2, TrialState.PRUNED, Map.of(1, 0.6)));
        assertThat(asha.decide(running(3, Map.of(1, 0.4)), study).prune()).isFalse();   // {0.4, 0.5, 0.6}: q = 1
        study.add(complete(3, Map.of(1, 0.4, 2, 0.3, 3, 0.2)));
        assertThat(asha.decide(running(4, Map.of(1, 0.45)), study).prune()).isTrue();   // cut 0.4
        study.add(TrialReports.of(4, TrialState.PRUNED, Map.of(1, 0.45)));
        study.add(complete(5, Map.of(1, 0.3, 3, 0.25)));
        // six trials at rung 1: sorted {0.3, 0.35, 0.4, 0.45, 0.5, 0.6}, q = 6 / 3 = 2 -> cut 0.35
        PruneDecision d6 = asha.decide(running(6, Map.of(1, 0.35)), study);
        assertThat(d6.prune()).isFalse();
        assertThat(d6.threshold()).isEqualTo(0.35);
        assertThat(d6.compared()).isEqualTo(6);
        // rung 2 (step 3): trials 1, 3, 5 reported there (0.42, 0.2, 0.25); a 4th at 0.3: q = 1, cut 0.2
        PruneDecision r2 = asha.decide(running(6, Map.of(1, 0.35, 2, 0.3, 3, 0.3)), study);
        assertThat(r2.prune()).isTrue();
        assertThat(r2.rule()).isEqualTo("rung 2 top-1/3 cut");
        assertThat(r2.threshold()).isEqualTo(0.2);
        assertThat(r2.compared()).isEqualTo(4);
    }

    @Test
    void ashaDecidesOnlyAtRungsWhoseNextRungFitsTheFullTrial() {
        // R = 12 (3 epochs reported every quarter): rungs 1, 3, 9; 9 * 3 = 27 > 12, so rung 3 (step 9) keeps all
        SuccessiveHalvingPruner twelve = new SuccessiveHalvingPruner(1, 3, 0, 12, "");
        assertThat(List.of(twelve.decidesAt(0), twelve.decidesAt(1), twelve.decidesAt(2))).containsExactly(true, true, false);
        List<TrialReports> better = List.of(complete(1, Map.of(1, 0.1, 3, 0.1, 9, 0.1, 12, 0.1)),
                complete(2, Map.of(1, 0.2, 3, 0.2, 9, 0.2, 12, 0.2)));
        Map<Integer, Double> worse = Map.of(1, 0.1, 3, 0.1, 8, 0.9, 9, 0.9);
        assertThat(twelve.decide(running(3, worse), better)).isEqualTo(PruneDecision.keep());
        // unknown R: every rung decides (Optuna's behaviour), so the same report is pruned at step 9
        PruneDecision unbounded = new SuccessiveHalvingPruner(1, 3, 0, "").decide(running(3, worse), better);
        assertThat(unbounded.prune()).isTrue();
        assertThat(unbounded.rule()).isEqualTo("rung 3 top-1/3 cut");
        // rung 2 (step 3) still decides with R = 12: 3 * 3 = 9 <= 12
        assertThat(twelve.decide(running(3, Map.of(1, 0.1, 3, 0.9)), better).prune()).isTrue();
        // R = 9: rung 2 at step 3 decides (its next rung is 9 itself), step 9 is the end
        assertThat(new SuccessiveHalvingPruner(1, 3, 0, 9, "").decidesAt(1)).isTrue();
        assertThat(new SuccessiveHalvingPruner(1, 3, 0, 9, "").decidesAt(2)).isFalse();
        // the factory takes R from the study when max_resource is 0, from the parameter otherwise
        PrunerConfig asha = new PrunerConfig(new SuccessiveHalvingPruner.Factory(), Map.of());
        assertThat(((SuccessiveHalvingPruner) asha.create(0, 12)).maxResource()).isEqualTo(12);
        assertThat(((SuccessiveHalvingPruner) asha.withParameter("max_resource", 27).create(0, 12)).maxResource())
                .isEqualTo(27);
        assertThat(((SuccessiveHalvingPruner) asha.create(0, 0)).maxResource()).isZero();
    }

    @Test
    void hyperbandsFullBracketNeverPrunes() {
        HyperbandPruner hb = new HyperbandPruner(1, 9, 3, 5);
        assertThat(hb.bracket(2).decidesAt(0)).isFalse();
        assertThat(hb.bracket(1).decidesAt(0)).isTrue();
        assertThat(hb.bracket(1).decidesAt(1)).isFalse();
        int full = firstInBracket(hb, 2, 1);
        List<TrialReports> same = List.of(complete(firstInBracket(hb, 2, full + 1), Map.of(1, 0.0, 3, 0.0, 9, 0.0)));
        assertThat(hb.decide(running(full, Map.of(1, 9.0, 3, 9.0, 9, 9.0)), same)).isEqualTo(PruneDecision.keep());
    }

    @Test
    void hyperbandBracketsFollowLiEtAl() {
        HyperbandPruner hb = new HyperbandPruner(1, 9, 3, 42);
        // s_max = 2: budgets ceil(3/3 * 9) = 9, ceil(3/2 * 3) = 5, ceil(3/1 * 1) = 3
        assertThat(hb.bracketCount()).isEqualTo(3);
        assertThat(hb.budgets()).containsExactly(9, 5, 3);
        assertThat(List.of(hb.bracket(0).rung(0), hb.bracket(0).rung(1), hb.bracket(0).rung(2))).containsExactly(1L, 3L, 9L);
        assertThat(List.of(hb.bracket(1).rung(0), hb.bracket(1).rung(1))).containsExactly(3L, 9L);
        assertThat(hb.bracket(2).rung(0)).isEqualTo(9L);
        // R = 81, eta 3 (the paper's Table 1): five brackets starting 81, 34, 15, 8, 5 trials
        assertThat(new HyperbandPruner(1, 81, 3, 0).budgets()).containsExactly(81, 34, 15, 8, 5);
        // the draw follows the budgets and depends only on the seed and the trial number
        int[] counts = new int[3];
        for (int n = 1; n <= 1700; n++) {
            counts[hb.bracketOf(n)]++;
            assertThat(new HyperbandPruner(1, 9, 3, 42).bracketOf(n)).isEqualTo(hb.bracketOf(n));
        }
        assertThat(counts[0]).isBetween(800, 1000);   // 900 expected
        assertThat(counts[1]).isBetween(400, 600);    // 500
        assertThat(counts[2]).isBetween(220, 380);    // 300
    }

    @Test
    void hyperbandComparesATrialOnlyWithItsBracket() {
        HyperbandPruner hb = new HyperbandPruner(1, 9, 3, 7);
        int trial = firstInBracket(hb, 0, 100);
        int sameBracket = firstInBracket(hb, 0, trial + 1);
        int otherBracket = firstInBracket(hb, 1, 1);
        // a much better trial in another bracket does not count against it
        List<TrialReports> others = List.of(complete(otherBracket, Map.of(1, 0.0, 3, 0.0, 9, 0.0)));
        assertThat(hb.decide(running(trial, Map.of(1, 0.5)), others).prune()).isFalse();
        // in its own bracket it does: rung 1 at step 1, cut 0.0
        PruneDecision d = hb.decide(running(trial, Map.of(1, 0.5)),
                List.of(complete(sameBracket, Map.of(1, 0.0, 3, 0.0, 9, 0.0))));
        assertThat(d.prune()).isTrue();
        assertThat(d.rule()).isEqualTo("bracket 0 rung 1 top-1/3 cut");
        // bracket 1 has no rung at step 1
        assertThat(hb.decide(running(otherBracket, Map.of(1, 9.0)), others)).isEqualTo(PruneDecision.keep());
    }

    private static int firstInBracket(HyperbandPruner hb, int bracket, int from) {
        for (int n = from; ; n++) {
            if (hb.bracketOf(n) == bracket) {
                return n;
            }
        }
    }

    @Test
    void noneNeverPrunes() {
        Pruner none = PrunerConfig.none().create(0, 3);
        assertThat(none.decide(running(9, Map.of(1, 1e9)), THREE_COMPLETE).prune()).isFalse();
        assertThat(PrunerConfig.none().prunes()).isFalse();
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        assertThatThrownBy(() -> new PrunerConfig(new SuccessiveHalvingPruner.Factory(), Map.of("reduction_factor", 1.0)))
                .hasMessage("pruner asha, parameter reduction_factor: expected an integer >= 2, found 1.0");
        assertThatThrownBy(() -> new PrunerConfig(new PercentilePruner.Median(), Map.of("warmup_steps", -1.0)))
                .hasMessage("pruner median, parameter warmup_steps: expected an integer >= 0, found -1.0");
        assertThatThrownBy(() -> new PrunerConfig(new PercentilePruner.Percentile(), Map.of("percentile", 0.0)))
                .hasMessage("pruner percentile, parameter percentile: expected a number in (0, 100], found 0.0");
        assertThatThrownBy(() -> new PrunerConfig(new PercentilePruner.Median(), Map.of("eta", 3.0)))
                .hasMessageContaining("pruner median has no parameter 'eta'");
        assertThatThrownBy(() -> new PrunerConfig(new HyperbandPruner.Factory(), Map.of()).create(0, 0))
                .hasMessageContaining("parameter max_resource");
        assertThatThrownBy(() -> new PrunerConfig(new HyperbandPruner.Factory(), Map.of("min_resource", 5.0)).create(0, 3))
                .hasMessageContaining("min_resource 5, max_resource 3");
    }

    @Test
    void theFivePrunersAreRegistered() {
        List<String> names = ServiceLoader.load(PrunerFactory.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).containsExactly("none", "median", "percentile", "asha", "hyperband");
    }
}
