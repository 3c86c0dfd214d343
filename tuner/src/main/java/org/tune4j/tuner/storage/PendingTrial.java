package org.tune4j.tuner.storage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trial handed out by {@code tune4j ask} and not yet told.
 *
 * @param params  its hyper-parameters by name
 * @param askedAt when it was handed out (its evaluation time is measured from here)
 */
public record PendingTrial(Map<String, Object> params, Instant askedAt) {
    public PendingTrial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(askedAt, "askedAt");
    }
}
