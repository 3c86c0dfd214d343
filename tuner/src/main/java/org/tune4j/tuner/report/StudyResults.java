package org.tune4j.tuner.report;

import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.tuner.storage.ResultsDocument.Best;
import org.tune4j.tuner.storage.ResultsDocument.TestResult;
import org.tune4j.tuner.storage.TrialRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tune4j.optimizer.space.Space;

/**
 * Everything a report reads from a run directory's {@code results.json} (format 1), as plain
 * records; each trial, the best trial, the expected minimum and the test score are the records of
 * the storage package's {@link org.tune4j.tuner.storage.ResultsDocument}, which the study writes.
 * {@link ResultsReader} builds it; the study's storage code writes the file.
 *
 * @param kind            what the study optimized: {@value #TUNE} (the tutorial's networks: value = minus
 *                        the validation accuracy), or another kind whose value is just a value
 *                        ({@code minimize} of an external command, {@code ask-tell})
 * @param config          the study configuration as written (calls, epochs, dataset, surrogate, ...),
 *                        in file order; values are String, Number or Boolean
 * @param space           the search space (the optimizer's, as the study used it)
 * @param trials          every trial in call order, complete and failed
 * @param best            the best complete trial, if any
 * @param expectedMinimum the surrogate's expected minimum, if the study computed one
 * @param test            the best model's score on the test set, if measured
 */
public record StudyResults(String kind, Map<String, Object> config, Space space, List<TrialRecord> trials,
                         Optional<Best> best, Optional<ExpectedMinimum> expectedMinimum, Optional<TestResult> test) {

    /** The kind of the tutorial study, whose value is minus the validation accuracy. */
    public static final String TUNE = "tune";

    public StudyResults {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Objects.requireNonNull(space, "space");
        trials = List.copyOf(trials);
    }

    /** True when the value is minus a validation accuracy (the tutorial study), so accuracies can be shown. */
    public boolean valueIsMinusAccuracy() {
        return TUNE.equals(kind);
    }

    /** Trials that completed, in call order. */
    public List<TrialRecord> completeTrials() {
        return trials.stream().filter(TrialRecord::isComplete).toList();
    }

    /** A config entry as text, or {@code fallback} when absent. */
    public String configText(String key, String fallback) {
        Object value = config.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    /**
     * An optimizer setting (surrogate, acquisition, xi, kappa, initial_points, initial_design, seed)
     * as text, or {@code fallback}: from the config's {@code optimizer} object when it has one (as
     * the study writes it), else from the config itself.
     */
    public String optimizerText(String key, String fallback) {
        Object value = optimizerSettings().get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    /** An optimizer setting as a number (see {@link #optimizerText}), or {@code fallback}. */
    public double optimizerNumber(String key, double fallback) {
        return optimizerSettings().get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    private Map<?, ?> optimizerSettings() {
        return config.get("optimizer") instanceof Map<?, ?> nested ? nested : config;
    }

    /** The config flattened for display: nested objects become dotted keys ({@code optimizer.seed}). */
    public Map<String, Object> flatConfig() {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", config, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    /** The plot axes of the space's dimensions, in dimension order. */
    public List<DimensionAxis> axes() {
        return DimensionAxis.of(space);
    }

    /** The axis of the dimension called {@code name}, if the space has one. */
    public Optional<DimensionAxis> dimension(String name) {
        return space.names().contains(name) ? Optional.of(new DimensionAxis(space.dimension(space.indexOf(name))))
                : Optional.empty();
    }

    /** The index of the dimension called {@code name}, or -1. */
    public int dimensionIndex(String name) {
        return space.names().indexOf(name);
    }

    /** Complete trials sorted best first (lowest value), ties by call number; then pruned, then failed ones. */
    public List<TrialRecord> trialsBestFirst() {
        List<TrialRecord> sorted = new ArrayList<>(trials);
        sorted.sort((a, b) -> {
            if (group(a) != group(b)) {
                return Integer.compare(group(a), group(b));   // pruned, then failed trials last
            }
            int byValue = Double.compare(a.valueOrNaN(), b.valueOrNaN());
            return byValue != 0 ? byValue : Integer.compare(a.number(), b.number());
        });
        return sorted;
    }

    private static int group(TrialRecord t) {
        return t.isComplete() ? 0 : t.isPruned() ? 1 : 2;
    }
}
