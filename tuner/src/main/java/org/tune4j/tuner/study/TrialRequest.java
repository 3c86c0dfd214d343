package org.tune4j.tuner.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One trial to evaluate.
 *
 * @param number  1-based call number
 * @param params  hyper-parameters by name, typed (Double, Integer, String) and in space order
 * @param monitor where the evaluator reports intermediate values and learns whether to stop
 *                ({@link TrialMonitor#NONE} when the study records none)
 */
public record TrialRequest(int number, Map<String, Object> params, TrialMonitor monitor) {
    public TrialRequest {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(monitor, "monitor");
    }

    /** A trial without intermediate reports. */
    public TrialRequest(int number, Map<String, Object> params) {
        this(number, params, TrialMonitor.NONE);
    }
}
