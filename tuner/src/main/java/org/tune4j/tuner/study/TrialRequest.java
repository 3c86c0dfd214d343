package org.tune4j.tuner.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial to evaluate.
 *
 * @param number 1-based call number
 * @param params hyper-parameters by name, typed (Double, Integer, String) and in space order
 */
public record TrialRequest(int number, Map<String, Object> params) {
    public TrialRequest {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
