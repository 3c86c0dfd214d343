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
import java.util.Map;
import java.util.Set;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.tuner.registry.OptimizerExtensions;

/**
 * How tune4j's files spell a {@link PrunerConfig}: {@code {"name": "median", "parameters":
 * {"warmup_steps": 0, "min_trials": 5}}}, the name looked up in the registry of pruners
 * ({@link OptimizerExtensions#pruners()}), any case; missing parameters take their defaults.
 */
public final class PrunerJson {
    private static final Set<String> FIELDS = Set.of("name", "parameters");

    private PrunerJson() {
    }

    /** The Jackson module, registered once in {@link Json}. */
    static Module module() {
        SimpleModule module = new SimpleModule("tune4j-pruner");
        module.addSerializer(PrunerConfig.class, new JsonSerializer<>() {
            @Override
            public void serialize(PrunerConfig config, JsonGenerator out, SerializerProvider p) throws IOException {
                out.writeStartObject();
                out.writeStringField("name", config.pruner().name());
                OptimizerJson.writeParameters("parameters", config.parameters(), out);
                out.writeEndObject();
            }
        });
        module.addDeserializer(PrunerConfig.class, new JsonDeserializer<>() {
            @Override
            public PrunerConfig deserialize(JsonParser in, DeserializationContext c) throws IOException {
                return config(in.readValueAsTree());
            }
        });
        return module;
    }

    /** The settings a {@code pruner} object describes. */
    public static PrunerConfig config(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("pruner settings: expected a JSON object, found " + node);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("pruner settings: unknown field \"" + field + "\"; expected some of "
                        + FIELDS);
            }
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual()) {
            throw new IllegalArgumentException("pruner settings, field \"name\": expected a name, found " + name);
        }
        Map<String, Double> parameters = OptimizerJson.numbers("pruner settings", node.get("parameters"), "parameters");
        return new PrunerConfig(OptimizerExtensions.pruners().get(name.asText()), parameters);
    }
}
