package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.TrialRecord;

/** The end-of-study summary the tune command prints. */
class TuneConsoleTest {

    private static final Map<String, Object> PARAMS = Map.of("learning_rate", 1.2e-3, "num_dense_layers", 2);
    private static final List<TrialRecord> TRIALS = List.of(
            new TrialRecord(1, PARAMS, -0.9918, TrialState.COMPLETE, null, 30.0, List.of(), null));

    private static String summary(double predictedValue) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new TuneConsole(out, out, new ProgressBarListener(out, out, 100, 1))
                .summary(TRIALS, ResultsDocument.bestOf(TRIALS), new ExpectedMinimum(PARAMS, predictedValue),
                        new ResultsDocument.TestResult(0.99, 0.03), List.of("learning_rate", "num_dense_layers"));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPredictionAbove100PercentSaysTheSurrogatesMeanIsUnbounded() {
        // seen in a real study: the GP's mean at its minimum was -1.0354
        assertThat(summary(-1.0354))
                .contains("predicted validation accuracy 103.54%, above 100% because the surrogate's mean is unbounded")
                .contains("Test accuracy of the best model: 99.00% (loss 0.0300)");
    }

    @Test
    void anOrdinaryPredictionIsPrintedPlain() {
        assertThat(summary(-0.9871))
                .contains("The surrogate's expected minimum (predicted validation accuracy 98.71%):")
                .doesNotContain("above 100%");
    }
}
