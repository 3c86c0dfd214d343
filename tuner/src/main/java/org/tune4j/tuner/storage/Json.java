package org.tune4j.tuner.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of tune4j's files: snake_case field names (record component
 * {@code valLoss} is written {@code val_loss}), no NaN (a NaN is an error, never a file value),
 * unknown fields rejected so that a typo in a hand-written file is reported, and the optimizer's
 * types as {@link OptimizerJson} spells them.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(OptimizerJson.module())
            .addModule(PrunerJson.module())
            .build();

    private Json() {
    }

    /** The shared mapper; configured once above and never changed afterwards (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * What is wrong with unparsable JSON, in the user's terms: Jackson's own message without its
     * "Source: REDACTED" location, and the line and column where it stopped (when it knows them).
     */
    public static String problem(com.fasterxml.jackson.core.JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** Pretty-printed JSON text ending in a newline, for files people read. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Compact JSON on one line (no newline), for journal lines and stdout. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
