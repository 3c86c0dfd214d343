package org.tune4j.engine.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One layer's config as read back from a model file ({@code {"type":"Dense","units":10}}), with
 * typed getters whose errors name the layer type and the field.
 *
 * @param values the JSON object's fields, "type" included
 */
public record LayerConfig(Map<?, ?> values) {

    public LayerConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The layer type's name, "Dense". */
    public String type() {
        return String.valueOf(values.get("type"));
    }

    /** The integer field {@code key}. */
    public int integer(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException(type() + " layer is missing \"" + key + "\"");
        }
        if (!(value instanceof Long || value instanceof Integer)
                || ((Number) value).longValue() != ((Number) value).intValue()) {
            throw new IllegalArgumentException(type() + " layer: expected an integer \"" + key + "\", found " + value);
        }
        return ((Number) value).intValue();
    }

    /** The string field {@code key}. */
    public String string(String key) {
        if (!(values.get(key) instanceof String s)) {
            throw new IllegalArgumentException(type() + " layer: expected a string \"" + key + "\", found "
                    + values.get(key));
        }
        return s;
    }
}
