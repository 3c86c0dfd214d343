package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.train.TrainingListener;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;

/**
 * A trial whose network cannot be built or trained within memory is a failed trial with its
 * reason, and the next trial runs (issue 18: num_dense_nodes 500000..1000000 ran out of memory
 * building the network, journaled nothing and killed every resume).
 */
class PoisonTrialTest {
    @TempDir
    Path tmp;

    private static final Space SPACE = SpaceFile.parse("""
            {"num_dense_nodes": {"type": "integer", "low": 1, "high": 100000000},
             "conv1_filters": {"type": "integer", "low": 1, "high": 4},
             "conv2_filters": {"type": "integer", "low": 1, "high": 4}}
            """, "test");

    private static Map<String, Object> nodes(int n) {
        return Map.of("num_dense_nodes", n, "conv1_filters", 2, "conv2_filters", 4);
    }

    @Test
    void networksTooBigForMemoryOrForTheEngineFailTheirTrialAndTheNextOneRuns() {
        RunLayout dir = new RunLayout(tmp);
        DataSplits data = TopOrBottomImages.splits();
        TuneConfig config = new TuneConfig(3, 1, 64, "synthetic", 0, 1, KernelMode.SCALAR, OptimizerConfig.defaults());
        TrainingEvaluator evaluator = new TrainingEvaluator(data, config, SPACE, dir,
                new BestModel(dir.bestModel(), List.of(), data.train().classNames()), List.of(), TrainingListener.NONE);

        // 16 inputs x 12,000,000 units: 228 M parameters, within the engine's limits; training it on
        // batches of 64 needs about 13 GB (parameters and Adam's moments, 36 M activations per image)
        TrialOutcome tooBigForMemory = evaluator.evaluate(new TrialRequest(1, nodes(12_000_000)));
        assertThat(tooBigForMemory.state()).isEqualTo(TrialState.FAILED);
        assertThat(tooBigForMemory.value()).isEqualTo(TrainingEvaluator.PENALTY);
        assertThat(tooBigForMemory.error()).startsWith("the network cannot be trained within memory")
                .contains("needs an estimated");

        TrialOutcome tooBigForTheEngine = evaluator.evaluate(new TrialRequest(2, nodes(90_000_000)));
        assertThat(tooBigForTheEngine.state()).isEqualTo(TrialState.FAILED);
        assertThat(tooBigForTheEngine.error())
                .isEqualTo("Dense 16 inputs x 90000000 units: 1,530,000,000 parameters, more than the limit of 268,435,456");

        TrialOutcome next = evaluator.evaluate(new TrialRequest(3, nodes(8)));
        assertThat(next.state()).as(String.valueOf(next.error())).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void anOutOfMemoryErrorDuringTrainingFailsTheTrialNotTheStudy() {
        RunLayout dir = new RunLayout(tmp);
        DataSplits data = TopOrBottomImages.splits();
        TuneConfig config = new TuneConfig(3, 1, 16, "synthetic", 0, 1, KernelMode.SCALAR, OptimizerConfig.defaults());
        TrainingListener runsOutOfMemory = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss, long imagesSoFar) {
                if (batch == 1) {
                    throw new OutOfMemoryError("Java heap space");  // as an allocation the estimate missed would
                }
            }
        };
        TrainingEvaluator evaluator = new TrainingEvaluator(data, config, SPACE, dir,
                new BestModel(dir.bestModel(), List.of(), data.train().classNames()), List.of(), runsOutOfMemory);

        TrialOutcome outcome = evaluator.evaluate(new TrialRequest(1, nodes(8)));

        assertThat(outcome.state()).isEqualTo(TrialState.FAILED);
        assertThat(outcome.value()).isEqualTo(TrainingEvaluator.PENALTY);
        assertThat(outcome.error()).startsWith("out of memory training this network (Java heap space; this JVM may use at most ");
    }
}
