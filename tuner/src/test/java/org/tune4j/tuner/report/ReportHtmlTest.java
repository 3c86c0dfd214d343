package org.tune4j.tuner.report;

import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.TrialRecord;

/** How the report page words the surrogate's expected minimum. */
class ReportHtmlTest {

    private static final Map<String, Object> PARAMS = Map.of("learning_rate", 1.2e-3);

    private static String page(double predictedValue) throws IOException {
        List<TrialRecord> trials = List.of(
                new TrialRecord(1, PARAMS, -0.9918, TrialState.COMPLETE, null, 30.0, List.of(), null));
        StudyResults results = new StudyResults(StudyResults.TUNE, Map.of("calls", 1),
                new Space(List.of(new RealDimension("learning_rate", 1e-6, 1e-2, Prior.LOG_UNIFORM))),
                trials, Optional.of(ResultsDocument.bestOf(trials)),
                Optional.of(new ExpectedMinimum(PARAMS, predictedValue)), Optional.empty());
        return ReportHtml.render("run", results, List.of(), List.of());
    }

    @Test
    void aPredictedAccuracyAbove100PercentIsExplainedAsTheSurrogatesUnboundedMean() throws IOException {
        assertThat(page(-1.0354))
                .contains("predicted validation accuracy 103.54%")
                .contains("which is not bounded by 100%")
                .doesNotContain("less lucky than the best observation");
    }

    @Test
    void anOrdinaryPredictionIsTheSurrogatesEstimateOfTheBestPoint() throws IOException {
        assertThat(page(-0.9871))
                .contains("predicted validation accuracy 98.71%")
                .contains("less lucky than the best observation")
                .doesNotContain("not bounded by 100%");
    }

    @Test
    void aPredictionBetterThanTheBestTrialIsNotCalledLessLucky() throws IOException {
        assertThat(page(-0.9950))   // the best trial reached 99.18%
                .contains("predicted validation accuracy 99.50%")
                .contains("better than any trial so far: a prediction no trial has confirmed yet")
                .doesNotContain("less lucky than the best observation");
    }
}
