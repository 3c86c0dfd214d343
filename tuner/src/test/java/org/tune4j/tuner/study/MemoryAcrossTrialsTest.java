package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.train.TrainingListener;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.optimizer.space.Space;

/**
 * Memory stays flat from trial to trial: each trial builds a model of about 1.3 M parameters
 * (5 MB of weights, 10 MB more of Adam moments, plus gradients), and nothing of it may survive
 * the trial. Twelve trials that leaked their model would hold well over 150 MB.
 */
class MemoryAcrossTrialsTest {
    @TempDir
    Path tmp;

    private static LabeledImages images(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] pixels = new float[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(2);
        }
        return new LabeledImages(pixels, labels, count, 1, 8, 8, List.of("a", "b"));
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    @Test
    void heapUseDoesNotGrowWithTheNumberOfTrials() throws Exception {
        Space space = SpaceFile.parse("""
                {"learning_rate": {"type": "real", "low": 1e-4, "high": 1e-2},
                 "num_dense_layers": {"type": "integer", "low": 1, "high": 5},
                 "num_dense_nodes": {"type": "integer", "low": 5, "high": 512}}
                """, "t");
        DataSplits data = new DataSplits(images(32, 1), images(16, 2), images(16, 3));
        TuneConfig config = new TuneConfig(12, 1, 16, "synthetic", 0, 1, KernelMode.SCALAR, OptimizerConfig.defaults());
        RunLayout dir = new RunLayout(tmp);
        TrainingEvaluator evaluator = new TrainingEvaluator(data, config, space, dir,
                new BestModel(dir.bestModel(), List.of(), data.train().classNames()), List.of(), TrainingListener.NONE);
        // 5 dense layers of 512 after 2x2x36 conv features: about 1.13 M weights
        Map<String, Object> big = Map.of("learning_rate", 1e-3, "num_dense_layers", 5, "num_dense_nodes", 512);
        assertThat(HyperParameters.tutorialDefault(16).with(big).plan(1, 8, 8, 2).network().build(1).parameterCount())
                .isGreaterThan(1_000_000);

        long afterTwo = 0;
        for (int trial = 1; trial <= 12; trial++) {
            TrialOutcome outcome = evaluator.evaluate(new TrialRequest(trial, big));
            assertThat(outcome.state()).isEqualTo(TrialState.COMPLETE);
            if (trial == 2) {
                afterTwo = usedAfterGc();
            }
        }
        long afterTwelve = usedAfterGc();

        assertThat(afterTwelve - afterTwo).as("heap growth over 10 trials, bytes").isLessThan(40L << 20);
    }
}
