package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.Trial;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.prune.PruneDecision;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.optimizer.prune.PercentilePruner;
import org.tune4j.optimizer.prune.SuccessiveHalvingPruner;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.ReportRecord;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * A study whose trials have known learning curves: the pruner stops the hopeless ones, never the
 * best; pruned trials are journaled with their reports and survive a resume; the optimizer is
 * told a pruned trial's last intermediate value.
 */
class PrunedStudyTest {
    private static final Space SPACE = SpaceFile.parse("""
            {"x": {"type": "real", "low": 0, "high": 1}}
            """, "test space");
    private static final OptimizerConfig OPTIMIZER = OptimizerConfig.defaults().withInitialPoints(3)
            .withCandidates(200).withRefineFrom(1).withSeed(3);
    private static final int STEPS = 4;
    /** The given points: x is the final "accuracy"; below 0.2 a trial is hopeless (flat at chance). */
    private static final List<Double> XS = List.of(0.5, 0.6, 0.4, 0.05, 0.7, 0.02, 0.9, 0.1, 0.55, 0.03, 0.8, 0.15);

    @TempDir
    Path tmp;

    /** Minus the accuracy after step s of 4: x * s / 4, climbing to x; a hopeless trial stays at x. */
    static double curve(double x, int step) {
        return x < 0.2 ? -x : -x * step / STEPS;
    }

    /** The fake evaluator: reports the known curve step by step and stops when told. */
    static final class CurveEvaluator implements TrialEvaluator {
        final List<Integer> stepsRun = new ArrayList<>();

        @Override
        public TrialOutcome evaluate(TrialRequest r) {
            double x = (Double) r.params().get("x");
            for (int s = 1; s <= STEPS; s++) {
                double v = curve(x, s);
                PruneDecision d = r.monitor().report(new ReportRecord(s, v, s / (double) STEPS, null), s == STEPS);
                if (d.prune()) {
                    stepsRun.add(s);
                    return TrialOutcome.pruned(v, "after step " + s + ": " + d, null, null, r.monitor().reports());
                }
            }
            stepsRun.add(STEPS);
            return TrialOutcome.complete(curve(x, STEPS), null, null);
        }
    }

    private StudyPlan plan(String name, int calls, Pruner pruner) {
        RunLayout dir = new RunLayout(tmp.resolve(name));
        StudyDescription study = Files.exists(dir.studyFile())
                ? StudyDirectory.open(dir, "test", SPACE)
                : StudyDirectory.create(dir, "test", Json.mapper().createObjectNode(), SPACE);
        List<Map<String, Object>> given = XS.stream().map(x -> Map.<String, Object>of("x", x)).toList();
        return new StudyPlan(dir, study, OPTIMIZER, calls, given, pruner);
    }

    private static Pruner median() {
        return new PrunerConfig(new PercentilePruner.Median(), Map.of("min_trials", 3.0)).create(0, STEPS);
    }

    @Test
    void theMedianRulePrunesTheHopelessTrialsAndNeverTheBest() {
        CurveEvaluator evaluator = new CurveEvaluator();
        List<TrialRecord> trials = new StudyLoop(plan("median", XS.size(), median()), evaluator, StudyListener.NONE)
                .run().trials();
        for (TrialRecord t : trials) {
            double x = (Double) t.params().get("x");
            if (x < 0.2 && t.number() > 3) {   // the first 3 complete trials set the median
                assertThat(t.state()).as("hopeless trial %d, x %s", t.number(), x).isEqualTo(TrialState.PRUNED);
                assertThat(t.reports()).hasSizeLessThan(STEPS);
                assertThat(t.value()).isEqualTo(t.reports().get(t.reports().size() - 1).value());
                assertThat(t.pruneReason()).contains("median");
            }
        }
        TrialRecord best = trials.stream().filter(t -> (Double) t.params().get("x") == 0.9).findFirst().orElseThrow();
        assertThat(best.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(best.reports()).extracting(ReportRecord::step).containsExactly(1, 2, 3, 4);
        assertThat(trials.stream().filter(TrialRecord::isPruned).count()).isGreaterThanOrEqualTo(4);
        // pruned trials stopped early: fewer steps were trained than a full study's
        assertThat(evaluator.stepsRun.stream().mapToInt(Integer::intValue).sum()).isLessThan(XS.size() * STEPS);
    }

    @Test
    void ashaPrunesTheHopelessAndKeepsTheBest() {
        // eta 2 over 4 steps: rungs at steps 1, 2 and 4; 1 and 2 decide (4, the full trial, does not)
        Pruner asha = new PrunerConfig(new SuccessiveHalvingPruner.Factory(), Map.of("reduction_factor", 2.0))
                .create(0, STEPS);
        List<TrialRecord> trials = new StudyLoop(plan("asha", XS.size(), asha), new CurveEvaluator(),
                StudyListener.NONE).run().trials();
        for (TrialRecord t : trials) {
            double x = (Double) t.params().get("x");
            if (x < 0.2) {
                assertThat(t.state()).as("hopeless trial %d", t.number()).isEqualTo(TrialState.PRUNED);
                assertThat(t.pruneReason()).contains("top-1/2 cut");
            }
            if (x == 0.9) {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            }
        }
    }

    @Test
    void aResumedStudyKeepsItsPrunedTrialsAndDecidesAsAnUninterruptedOne() {
        List<TrialRecord> straight = new StudyLoop(plan("straight", XS.size(), median()), new CurveEvaluator(),
                StudyListener.NONE).run().trials();
        new StudyLoop(plan("resumed", 7, median()), new CurveEvaluator(), StudyListener.NONE).run();
        List<TrialRecord> before = new Journal(tmp.resolve("resumed").resolve("journal.jsonl")).read(w -> { }).finished();
        assertThat(before).anyMatch(TrialRecord::isPruned);
        List<TrialRecord> resumed = new StudyLoop(plan("resumed", XS.size(), median()), new CurveEvaluator(),
                StudyListener.NONE).run().trials();
        assertThat(resumed.subList(0, 7)).isEqualTo(before);
        assertThat(resumed).extracting(TrialRecord::state).isEqualTo(straight.stream().map(TrialRecord::state).toList());
        assertThat(resumed).extracting(TrialRecord::reports).isEqualTo(straight.stream().map(TrialRecord::reports).toList());
        assertThat(resumed).extracting(TrialRecord::pruneReason)
                .isEqualTo(straight.stream().map(TrialRecord::pruneReason).toList());
    }

    @Test
    void thePrunedStateAndReportsRoundTripThroughTheFiles() throws Exception {
        StudyPlan p = plan("files", XS.size(), median());
        new StudyLoop(p, new CurveEvaluator(), StudyListener.NONE).run();
        JsonNode results = Json.mapper().readTree(p.dir().results().toFile());
        JsonNode pruned = null;
        for (JsonNode t : results.get("trials")) {
            if ("pruned".equals(t.get("state").asText())) {
                pruned = t;
                break;
            }
        }
        assertThat(pruned).isNotNull();
        assertThat(pruned.get("prune_reason").asText()).startsWith("after step ");
        assertThat(pruned.get("reports").get(0).get("step").asInt()).isEqualTo(1);
        assertThat(pruned.get("reports").get(0).has("images")).isFalse();
        String csv = Files.readString(p.dir().trialsCsv());
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("number,state,value,x,seconds,error,reports,prune_reason");
        assertThat(csv).contains(",pruned,").contains("1:-0.05");
        assertThat(results.get("best").get("number").asInt()).isEqualTo(7);   // x = 0.9, never a pruned trial
    }

    @Test
    void aStudyWithoutPrunerWritesNoReportFields() throws Exception {
        StudyPlan p = plan("plain", 3, null);
        new StudyLoop(p, new CurveEvaluator(), StudyListener.NONE).run();
        String json = Files.readString(p.dir().results());
        assertThat(json).doesNotContain("reports").doesNotContain("prune_reason");
        assertThat(Files.readString(p.dir().trialsCsv()).lines().findFirst().orElseThrow())
                .isEqualTo("number,state,value,x,seconds,error");
    }

    @Test
    void theOptimizerIsToldAPrunedTrialsLastIntermediateValue() {
        TrialRecord pruned = new TrialRecord(1, Map.of("x", 0.05), -0.05, TrialState.PRUNED, null, 1.0, List.of(), null,
                List.of(new ReportRecord(1, -0.05, 0.25, 128L)), "after 0.25 epoch: 5.0% < median 30.0% of 3 trials at this step");
        TrialRecord complete = new TrialRecord(2, Map.of("x", 0.9), -0.9, TrialState.COMPLETE, null, 1.0, List.of(), null);
        Optimizer o = OptimizerReplay.rebuild(SPACE, OPTIMIZER, 0, List.of(pruned, complete));
        List<Trial> told = o.result().trials();
        assertThat(told).extracting(Trial::value).containsExactly(-0.05, -0.9);
        assertThat(told.get(0).isComplete()).isTrue();   // it counts as an observation for the surrogate
    }
}
