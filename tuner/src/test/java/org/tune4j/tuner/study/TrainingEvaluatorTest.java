package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.train.TrainingListener;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.TrainingLog;

/** The fitness function on tiny synthetic images (8x8, two classes: bright top half or bright bottom half). */
class TrainingEvaluatorTest {
    @TempDir
    Path tmp;

    private TrainingEvaluator evaluator(RunLayout dir, Space space) {
        DataSplits data = TopOrBottomImages.splits();
        TuneConfig config = new TuneConfig(3, 2, 16, "synthetic", 0, 1, KernelMode.SCALAR, OptimizerConfig.defaults());
        BestModel best = new BestModel(dir.bestModel(), List.of(), data.train().classNames());
        return new TrainingEvaluator(data, config, space, dir, best, List.of(), TrainingListener.NONE);
    }

    private static final Space SPACE = SpaceFile.parse("""
            {"learning_rate": {"type": "real", "low": 1e-4, "high": 1e30, "prior": "log-uniform"},
             "activation": {"type": "categorical", "categories": ["relu", "sigmoid"]},
             "conv1_filters": {"type": "integer", "low": 1, "high": 4},
             "conv2_filters": {"type": "integer", "low": 1, "high": 4}}
            """, "test");

    private static Map<String, Object> params(double lr, String activation) {
        return Map.of("learning_rate", lr, "activation", activation, "conv1_filters", 2, "conv2_filters", 2);
    }

    @Test
    void aTrialTrainsLogsEachEpochAndSavesTheBestModel() throws Exception {
        RunLayout dir = new RunLayout(tmp);
        TrialOutcome outcome = evaluator(dir, SPACE).evaluate(new TrialRequest(1, params(1e-2, "relu")));

        assertThat(outcome.state()).as(String.valueOf(outcome.error())).isEqualTo(TrialState.COMPLETE);
        assertThat(outcome.history()).hasSize(2);
        assertThat(outcome.value()).isEqualTo(-outcome.history().get(1).valAccuracy());
        assertThat(outcome.logDir()).isEqualTo("logs/lr_1e-02_layers_1_nodes_16_relu_conv1_2_conv2_2");
        assertThat(Files.readAllLines(tmp.resolve(outcome.logDir()).resolve(RunLayout.TRAINING_LOG))).hasSize(3);
        assertThat(ModelFile.read(dir.bestModel()).classNames()).containsExactly("top", "bottom");
    }

    @Test
    void twoTrialsWithTheSameNameGetTheirOwnLogDirectories() {
        TrainingEvaluator evaluator = evaluator(new RunLayout(tmp), SPACE);
        String first = evaluator.evaluate(new TrialRequest(1, params(1.1e-3, "sigmoid"))).logDir();
        String second = evaluator.evaluate(new TrialRequest(2, params(1.2e-3, "sigmoid"))).logDir();
        assertThat(first).isEqualTo("logs/lr_1e-03_layers_1_nodes_16_sigmoid_conv1_2_conv2_2");
        assertThat(second).isEqualTo(first + "_2");
    }

    @Test
    void aDivergingTrialFailsWithThePenaltyAndKeepsTheBestModel() throws Exception {
        RunLayout dir = new RunLayout(tmp);
        TrainingEvaluator evaluator = evaluator(dir, SPACE);
        evaluator.evaluate(new TrialRequest(1, params(1e-2, "relu")));
        byte[] best = Files.readAllBytes(dir.bestModel());

        TrialOutcome diverged = evaluator.evaluate(new TrialRequest(2, params(1e25, "relu")));

        assertThat(diverged.state()).isEqualTo(TrialState.FAILED);
        assertThat(diverged.value()).isEqualTo(TrainingEvaluator.PENALTY);
        assertThat(diverged.error()).contains("diverged");
        assertThat(Files.readAllBytes(dir.bestModel())).isEqualTo(best);
    }
}
