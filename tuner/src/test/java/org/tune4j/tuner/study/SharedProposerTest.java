package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.FitMemo;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.TrialRecord;

class SharedProposerTest {
    private static final OptimizerConfig CONFIG = OptimizerConfig.defaults().withInitialPoints(3).withCandidates(500);

    private static Space square() throws Exception {
        return SpaceFile.fromJson(Json.mapper().readTree(
                "{\"x\": {\"type\": \"real\", \"low\": -2, \"high\": 2}, \"y\": {\"type\": \"real\", \"low\": -2, \"high\": 2}}"),
                "space");
    }

    @Test
    void aProposalIsStaleOnlyWhenAPointThatArrivedMeanwhileIsNearIt() throws Exception {
        SharedProposer proposer = new SharedProposer(square(), CONFIG);
        Map<String, Object> at = Map.of("x", 0.0, "y", 0.0);  // unit (0.5, 0.5)
        // (0.4, 0): unit (0.6, 0.5), RMS per coordinate sqrt(0.01 / 2) = 0.0707 < 0.1
        assertThat(proposer.stale(at, List.of(Map.of("x", 0.4, "y", 0.0)))).isTrue();
        // (0.6, 0): unit (0.65, 0.5), sqrt(0.0225 / 2) = 0.106 > 0.1; (-2, 2): a corner
        assertThat(proposer.stale(at, List.of(Map.of("x", 0.6, "y", 0.0), Map.of("x", -2.0, "y", 2.0)))).isFalse();
        assertThat(proposer.stale(at, List.of(at))).isTrue();
        assertThat(proposer.stale(at, List.of())).isFalse();
        assertThat(SharedProposer.distance(new double[] {0.5, 0.5}, new double[] {0.65, 0.5}))
                .isCloseTo(Math.sqrt(0.0225 / 2), within(1e-12));
    }

    @Test
    void theProposalIsTheOptimizersNextAskWithThePendingPointsAsked() throws Exception {
        Space space = square();
        Optimizer asking = Optimizer.forWorker(space, CONFIG, new FitMemo());
        List<TrialRecord> finished = new java.util.ArrayList<>();
        List<Map<String, Object>> pending = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            List<Object> x = asking.ask();
            if (i <= 4) {
                double y = (double) x.get(0) * (double) x.get(0) + (double) x.get(1);
                asking.tell(x, y);
                finished.add(new TrialRecord(i, space.toMap(x), y, TrialState.COMPLETE, null, 1, List.of(), null));
            } else {
                pending.add(space.toMap(x));  // trials 5 and 6 still running
            }
        }
        Map<String, Object> expected = space.toMap(asking.ask());
        SharedProposer proposer = new SharedProposer(space, CONFIG);
        assertThat(proposer.propose(finished, pending)).isEqualTo(expected);
        assertThat(proposer.propose(finished, pending)).isEqualTo(expected);  // again: the fit from the memo
    }
}
