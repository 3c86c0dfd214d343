package org.tune4j.tuner.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON search-space format (issue 4), read and written:
 * <pre>
 * {"learning_rate":    {"type": "real", "low": 1e-6, "high": 1e-2, "prior": "log-uniform"},
 *  "num_dense_layers": {"type": "integer", "low": 1, "high": 5},
 *  "activation":       {"type": "categorical", "categories": ["relu", "sigmoid"]}}
 * </pre>
 * {@code prior} is {@code uniform} (the default) or {@code log-uniform}, for real and integer
 * dimensions. Every error names the source (file), the dimension and the field.
 */
public final class SpaceFile {
    private static final Set<String> NUMERIC_FIELDS = Set.of("type", "low", "high", "prior");
    private static final Set<String> CATEGORICAL_FIELDS = Set.of("type", "categories");

    private SpaceFile() {
    }

    /** Reads a space file. */
    public static SpaceSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("space file " + file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("space file " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, "space file " + file);
    }

    /** Parses space JSON text; {@code source} names it in errors (e.g. "space file x.json"). */
    public static SpaceSpec parse(String text, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")");
        }
        return fromJson(root, source);
    }

    /** Reads the space from a JSON tree (as embedded in {@code study.json}). */
    public static SpaceSpec fromJson(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object of dimensions, found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
        }
        List<DimensionSpec> dims = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            dims.add(dimension(e.getKey(), e.getValue(), source));
        }
        try {
            return new SpaceSpec(dims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static DimensionSpec dimension(String name, JsonNode node, String source) {
        String where = source + ": dimension \"" + name + "\"";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object with a \"type\", found " + node);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException(where + ": field \"type\" is missing (expected real, integer or categorical)");
        }
        try {
            switch (type.asText()) {
                case "real" -> {
                    checkFields(node, NUMERIC_FIELDS, where);
                    return new DimensionSpec.Real(name, number(node, "low", where), number(node, "high", where),
                            logUniform(node, where));
                }
                case "integer" -> {
                    checkFields(node, NUMERIC_FIELDS, where);
                    return new DimensionSpec.Integral(name, integer(node, "low", where), integer(node, "high", where),
                            logUniform(node, where));
                }
                case "categorical" -> {
                    checkFields(node, CATEGORICAL_FIELDS, where);
                    return new DimensionSpec.Categorical(name, categories(node, where));
                }
                default -> throw new IllegalArgumentException(where + ": field \"type\": expected real, integer or "
                        + "categorical, found \"" + type.asText() + "\"");
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + f + "\" (expected " + allowed + ")");
            }
        }
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(where + ": field \"" + field + "\": expected a number, found "
                    + (v == null ? "nothing" : v.toString()));
        }
        return v.asDouble();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || !v.canConvertToInt()) {
            throw new IllegalArgumentException(where + ": field \"" + field + "\": expected an integer, found "
                    + (v == null ? "nothing" : v.toString()));
        }
        return v.asInt();
    }

    private static boolean logUniform(JsonNode node, String where) {
        JsonNode v = node.get("prior");
        if (v == null) {
            return false;
        }
        return switch (v.asText()) {
            case "uniform" -> false;
            case "log-uniform" -> true;
            default -> throw new IllegalArgumentException(where + ": field \"prior\": expected uniform or log-uniform, found "
                    + v);
        };
    }

    private static List<String> categories(JsonNode node, String where) {
        JsonNode v = node.get("categories");
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(where + ": field \"categories\": expected an array of strings, found "
                    + (v == null ? "nothing" : v.toString()));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode c : v) {
            if (!c.isTextual()) {
                throw new IllegalArgumentException(where + ": field \"categories\": expected strings, found " + c);
            }
            out.add(c.asText());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + ": field \"categories\": expected at least one category, found []");
        }
        return out;
    }

    /** The space as a JSON tree in the same format (for {@code study.json} and {@code results.json}). */
    public static ObjectNode toJson(SpaceSpec space) {
        ObjectNode root = Json.mapper().createObjectNode();
        for (DimensionSpec d : space.dimensions()) {
            ObjectNode n = root.putObject(d.name());
            if (d instanceof DimensionSpec.Real r) {
                n.put("type", "real").put("low", r.low()).put("high", r.high())
                        .put("prior", r.logUniform() ? "log-uniform" : "uniform");
            } else if (d instanceof DimensionSpec.Integral i) {
                n.put("type", "integer").put("low", i.low()).put("high", i.high())
                        .put("prior", i.logUniform() ? "log-uniform" : "uniform");
            } else {
                n.put("type", "categorical");
                ArrayNode cats = n.putArray("categories");
                ((DimensionSpec.Categorical) d).categories().forEach(cats::add);
            }
        }
        return root;
    }
}
