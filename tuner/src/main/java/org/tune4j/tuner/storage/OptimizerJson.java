package org.tune4j.tuner.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.surrogate.SurrogateFactory;
import org.tune4j.tuner.registry.OptimizerExtensions;

/**
 * How tune4j's files spell the optimizer's types: a {@link TrialState} in lower case
 * ({@code "complete"}), and an {@link OptimizerConfig} (study.json's {@code optimizer} object) as
 * <pre>
 * {"surrogate": "gp", "surrogate_parameters": {"restarts": 2},
 *  "acquisition": "EI", "acquisition_parameters": {"xi": 0.01},
 *  "initial_design": "random", "initial_points": 10, "candidates": 10000, "refine_from": 5, "seed": 0}
 * </pre>
 * Names are looked up in the registries ({@link OptimizerExtensions}), any case; a missing field
 * takes {@link OptimizerConfig#defaults()}'s value. Files written before the extension points
 * (the first format-1 files) still load: they spell the surrogates as the old enum
 * ({@code RANDOM_FOREST}, {@code EXTRA_TREES}) and give {@code xi} and {@code kappa} at the top
 * level, of which the acquisition's own parameters are kept.
 */
public final class OptimizerJson {
    /** The surrogate spellings of the first format-1 files that are not today's names. */
    private static final Map<String, String> OLD_SURROGATE_NAMES = Map.of("random_forest", "forest",
            "extra_trees", "extra-trees");
    private static final String SETTINGS = "optimizer settings";
    private static final Set<String> OLD_PARAMETER_FIELDS = Set.of("xi", "kappa");
    private static final Set<String> FIELDS = Set.of("surrogate", "surrogate_parameters", "acquisition",
            "acquisition_parameters", "initial_design", "initial_points", "candidates", "refine_from", "seed");

    private OptimizerJson() {
    }

    /** The Jackson module of both spellings, registered once in {@link Json}. */
    static Module module() {
        SimpleModule module = new SimpleModule("tune4j-optimizer");
        module.addSerializer(TrialState.class, new JsonSerializer<>() {
            @Override
            public void serialize(TrialState state, JsonGenerator out, SerializerProvider p) throws IOException {
                out.writeString(text(state));
            }
        });
        module.addDeserializer(TrialState.class, new JsonDeserializer<>() {
            @Override
            public TrialState deserialize(JsonParser in, DeserializationContext c) throws IOException {
                return trialState(in.getValueAsString());
            }
        });
        module.addSerializer(OptimizerConfig.class, new JsonSerializer<>() {
            @Override
            public void serialize(OptimizerConfig config, JsonGenerator out, SerializerProvider p) throws IOException {
                write(config, out);
            }
        });
        module.addDeserializer(OptimizerConfig.class, new JsonDeserializer<>() {
            @Override
            public OptimizerConfig deserialize(JsonParser in, DeserializationContext c) throws IOException {
                return config(in.readValueAsTree());
            }
        });
        return module;
    }

    /** The state as files spell it: {@code complete}, {@code failed} or {@code pending}. */
    public static String text(TrialState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** The state spelled {@code text} (exactly as {@link #text} writes it). */
    public static TrialState trialState(String text) {
        for (TrialState s : TrialState.values()) {
            if (text(s).equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("trial state: expected complete, failed or pending, found \"" + text + "\"");
    }

    private static void write(OptimizerConfig c, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("surrogate", c.surrogate().name());
        writeParameters("surrogate_parameters", c.surrogateParameters(), out);
        out.writeStringField("acquisition", c.acquisition().name());
        writeParameters("acquisition_parameters", c.acquisitionParameters(), out);
        out.writeStringField("initial_design", c.initialDesign().name());
        out.writeNumberField("initial_points", c.initialPoints());
        out.writeNumberField("candidates", c.candidates());
        out.writeNumberField("refine_from", c.refineFrom());
        out.writeNumberField("seed", c.seed());
        out.writeEndObject();
    }

    /** Whole values are written as integers ({@code "trees": 100}), the others as they are. */
    static void writeParameters(String field, Map<String, Double> values, JsonGenerator out)
            throws IOException {
        out.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double v = e.getValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                out.writeNumberField(e.getKey(), (long) v);
            } else {
                out.writeNumberField(e.getKey(), v);
            }
        }
        out.writeEndObject();
    }

    /** The settings an {@code optimizer} object describes (see the class comment). */
    public static OptimizerConfig config(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("optimizer settings: expected a JSON object, found " + node);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field) && !OLD_PARAMETER_FIELDS.contains(field)) {
                throw new IllegalArgumentException("optimizer settings: unknown field \"" + field + "\"; expected "
                        + "some of " + FIELDS);
            }
        }
        OptimizerConfig d = OptimizerConfig.defaults();
        String surrogateName = text(node, "surrogate", d.surrogate().name());
        SurrogateFactory surrogate = OptimizerExtensions.surrogates().get(
                OLD_SURROGATE_NAMES.getOrDefault(surrogateName.toLowerCase(Locale.ROOT), surrogateName));
        AcquisitionFactory acquisition = OptimizerExtensions.acquisitions().get(
                text(node, "acquisition", d.acquisition().name()));
        Map<String, Double> acquisitionParameters = numbers(SETTINGS, node.get("acquisition_parameters"),
                "acquisition_parameters");
        for (String old : OLD_PARAMETER_FIELDS) {
            boolean declared = acquisition.parameters().stream().anyMatch(p -> p.name().equals(old));
            if (node.has(old) && declared) {
                acquisitionParameters.putIfAbsent(old, number(SETTINGS, node.get(old), old));
            }
        }
        return new OptimizerConfig(surrogate, numbers(SETTINGS, node.get("surrogate_parameters"), "surrogate_parameters"),
                acquisition, acquisitionParameters,
                OptimizerExtensions.designs().get(text(node, "initial_design", d.initialDesign().name())),
                (int) whole(node, "initial_points", d.initialPoints()), (int) whole(node, "candidates", d.candidates()),
                (int) whole(node, "refine_from", d.refineFrom()), whole(node, "seed", d.seed()));
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("optimizer settings, field \"" + field + "\": expected a name, found "
                    + v);
        }
        return v.asText();
    }

    private static long whole(JsonNode node, String field, long fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("optimizer settings, field \"" + field + "\": expected an integer, "
                    + "found " + v);
        }
        return v.asLong();
    }

    private static double number(String settings, JsonNode v, String field) {
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(settings + ", field \"" + field + "\": expected a number, found " + v);
        }
        return v.asDouble();
    }

    /**
     * The numbers of a JSON object by name ({@code "surrogate_parameters"}, a pruner's
     * {@code "parameters"}): empty when absent; an error naming {@code settings} and the field otherwise.
     */
    static Map<String, Double> numbers(String settings, JsonNode object, String field) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (object == null || object.isNull()) {
            return out;
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException(settings + ", field \"" + field + "\": expected an object of "
                    + "numbers, found " + object);
        }
        object.fields().forEachRemaining(e -> out.put(e.getKey(),
                number(settings, e.getValue(), field + "." + e.getKey())));
        return out;
    }
}
