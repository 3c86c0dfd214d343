package org.tune4j.tuner.storage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One intermediate report of a trial, as the journal, {@code results.json} and {@code trials.csv}
 * keep it: what a pruner judged.
 *
 * @param step   1-based report number within the trial (the same schedule gives every trial the same steps)
 * @param value  the objective at that step, minimized as the final value is (the tutorial: minus
 *               the validation accuracy after that much training)
 * @param epochs training done at that step, in epochs ({@code 0.25}); null for an external command
 * @param images training images seen at that step; null for an external command
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportRecord(int step, double value, Double epochs, Long images) {
    public ReportRecord {
        if (step < 1) {
            throw new IllegalArgumentException("report step: expected >= 1, found " + step);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("report at step " + step + ": value must be finite, found " + value);
        }
    }
}
