package org.tune4j.tuner.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.Dimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;

/**
 * The JSON search-space format, read straight into the optimizer's {@link Space} and written back
 * from it (as scikit-optimize's {@code Space.from_yaml}); the one place where JSON meets dimensions:
 * <pre>
 * {"learning_rate":    {"type": "real", "low": 1e-6, "high": 1e-2, "prior": "log-uniform"},
 *  "num_dense_layers": {"type": "integer", "low": 1, "high": 5},
 *  "activation":       {"type": "categorical", "categories": ["relu", "sigmoid"]}}
 * </pre>
 * {@code prior} is {@code uniform} (the default) or {@code log-uniform}, for real and integer
 * dimensions. This class checks the JSON shapes (types of fields, unknown fields, a name given
 * twice); the dimension records check the values (bounds, priors, categories). Every error starts
 * with the source (a file) and names the dimension and the field.
 */
public final class SpaceFile {
    private static final Set<String> NUMERIC_FIELDS = Set.of("type", "low", "high", "prior");
    private static final Set<String> CATEGORICAL_FIELDS = Set.of("type", "categories");

    private SpaceFile() {
    }

    /** Reads a space file. */
    public static Space read(Path file) {
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

    /**
     * Parses space JSON text; {@code source} names it in errors (e.g. "space file x.json"). A
     * dimension named twice is refused (a JSON reader would otherwise keep the last silently).
     */
    public static Space parse(String text, String source) {
        JsonNode root;
        try {
            root = Json.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON (" + Json.problem(e) + ")");
        }
        return fromJson(root, source);
    }

    /** Reads the space from a JSON tree (as embedded in {@code study.json} and {@code results.json}). */
    public static Space fromJson(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object of dimensions, found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
        }
        if (root.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected at least one dimension, found none");
        }
        List<Dimension> dims = new ArrayList<>();
        try {
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                dims.add(dimension(e.getKey(), e.getValue()));
            }
            return new Space(dims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static Dimension dimension(String name, JsonNode node) {
        String where = "dimension \"" + name + "\"";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object with a \"type\", found " + node);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException(where + ": field \"type\" is missing (expected real, integer or categorical)");
        }
        return switch (type.asText()) {
            case "real" -> {
                checkFields(node, NUMERIC_FIELDS, where);
                yield new RealDimension(name, number(node, "low", where), number(node, "high", where), prior(node, where));
            }
            case "integer" -> {
                checkFields(node, NUMERIC_FIELDS, where);
                yield new IntegerDimension(name, integer(node, "low", where), integer(node, "high", where),
                        prior(node, where));
            }
            case "categorical" -> {
                checkFields(node, CATEGORICAL_FIELDS, where);
                yield new CategoricalDimension(name, categories(node, where));
            }
            default -> throw new IllegalArgumentException(where + ": field \"type\": expected real, integer or "
                    + "categorical, found \"" + type.asText() + "\"");
        };
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

    private static Prior prior(JsonNode node, String where) {
        JsonNode v = node.get("prior");
        if (v == null) {
            return Prior.UNIFORM;
        }
        return switch (v.asText()) {
            case "uniform" -> Prior.UNIFORM;
            case "log-uniform" -> Prior.LOG_UNIFORM;
            default -> throw new IllegalArgumentException(where + ": field \"prior\": expected \"uniform\" or "
                    + "\"log-uniform\", found " + v);
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
        return out;
    }

    /** The space as a JSON tree in the same format (for {@code study.json} and {@code results.json}). */
    public static ObjectNode toJson(Space space) {
        ObjectNode root = Json.mapper().createObjectNode();
        for (Dimension d : space.dimensions()) {
            ObjectNode n = root.putObject(d.name());
            if (d instanceof RealDimension r) {
                n.put("type", "real").put("low", r.low()).put("high", r.high()).put("prior", priorName(r.prior()));
            } else if (d instanceof IntegerDimension i) {
                n.put("type", "integer").put("low", i.low()).put("high", i.high()).put("prior", priorName(i.prior()));
            } else if (d instanceof CategoricalDimension c) {
                n.put("type", "categorical");
                ArrayNode cats = n.putArray("categories");
                c.categories().forEach(cats::add);
            } else {
                throw new IllegalArgumentException("dimension \"" + d.name() + "\": a " + d.getClass().getSimpleName()
                        + " has no form in a space file (expected real, integer or categorical)");
            }
        }
        return root;
    }

    private static String priorName(Prior prior) {
        return prior == Prior.LOG_UNIFORM ? "log-uniform" : "uniform";
    }
}
