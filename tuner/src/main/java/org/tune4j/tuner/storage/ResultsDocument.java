package org.tune4j.tuner.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.TrialState;

/**
 * The content of {@code results.json}, rewritten after every trial. Field names are written in
 * snake_case:
 * <pre>
 * {"format": 1, "kind": "tune", "config": {...}, "space": {...},
 *  "trials": [{"number", "params", "value", "state", "error", "seconds",
 *              "history": [{"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "seconds"}],
 *              "log_dir"}],
 *  "best": {"number", "params", "value"},
 *  "expected_minimum": {"params", "predicted_value"},
 *  "test": {"accuracy", "loss"}}
 * </pre>
 * {@code best} is absent until a trial completes, {@code expected_minimum} until the optimizer
 * has a fitted surrogate, {@code test} until the best model has been tested at the end of a study.
 *
 * @param format          file-format version ({@link StudyFile#FORMAT})
 * @param kind            as in {@link StudyDescription#kind()}
 * @param config          the study's configuration
 * @param space           the search space in the space-file format
 * @param trials          finished trials in call order
 * @param best            the completed trial with the lowest value, or null
 * @param expectedMinimum the surrogate's expected minimum, or null
 * @param test            the best model on the test set, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultsDocument(int format, String kind, JsonNode config, JsonNode space, List<TrialRecord> trials,
                              Best best, ExpectedMinimum expectedMinimum, TestResult test) {

    public ResultsDocument {
        trials = List.copyOf(trials);
    }

    /** The best observed trial. */
    public record Best(int number, Map<String, Object> params, double value) {
    }

    /** Test-set figures of the best model. */
    public record TestResult(double accuracy, double loss) {
    }

    /** The completed trial with the lowest value (the first of equals), or null when none. */
    public static Best bestOf(List<TrialRecord> trials) {
        TrialRecord best = null;
        for (TrialRecord t : trials) {
            if (t.state() == TrialState.COMPLETE && (best == null || t.value() < best.value())) {
                best = t;
            }
        }
        return best == null ? null : new Best(best.number(), best.params(), best.value());
    }
}
