package org.tune4j.tuner.report;

import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.tuner.storage.OptimizerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.StudyFile;

/**
 * Reads a run directory's {@code results.json} (written by the study's
 * {@link org.tune4j.tuner.storage.ResultsFile}, format {@value StudyFile#FORMAT}) with Jackson into
 * the record the study writes, {@link ResultsDocument}, and from it the {@link StudyResults} a report
 * draws. Unknown fields are ignored, so the study may record more than the report draws; a number
 * written as a string is refused. A hand-written file may leave out a trial's or an epoch's seconds
 * and an epoch's losses and accuracies: they read as NaN (not drawn), not as 0.
 *
 * <p>Every problem is a {@link MalformedResultsException} naming the file and the field:
 * {@code results.json: field trials[3].value: expected a number, found string "abc"}.
 */
public final class ResultsReader {
    private static final ObjectMapper MAPPER = strictNumbers(Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    private static final List<String> OPTIONAL_EPOCH_FIGURES = List.of("loss", "accuracy", "val_loss", "val_accuracy",
            "seconds");

    private ResultsReader() {
    }

    /** Reads and checks {@code file}. */
    public static StudyResults read(Path file) throws IOException {
        ObjectNode root = root(file);
        defaultMissingFiguresToNaN(root);
        ResultsDocument doc;
        try {
            doc = MAPPER.treeToValue(root, ResultsDocument.class);
        } catch (JsonMappingException e) {
            throw malformed(file, root, e);
        }
        JsonNode config = require(file, doc.config(), "config");
        if (!config.isObject()) {
            throw new MalformedResultsException(file, "config", "expected an object, found " + describe(config));
        }
        Space space;
        try {
            space = SpaceFile.fromJson(require(file, doc.space(), "space"), "field space");
        } catch (IllegalArgumentException e) {
            throw new MalformedResultsException(file, e.getMessage(), e);
        }
        require(file, root.get("trials"), "trials");
        return new StudyResults(doc.kind() == null ? StudyResults.TUNE : doc.kind(),
                MAPPER.convertValue(config, MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class)),
                space, doc.trials(), Optional.ofNullable(doc.best()), Optional.ofNullable(doc.expectedMinimum()),
                Optional.ofNullable(doc.test()));
    }

    /** The parsed file, checked to be an object of the format this code reads. */
    private static ObjectNode root(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no results.json in the run directory");
        } catch (JsonProcessingException e) {
            throw new MalformedResultsException(file, "not valid JSON: " + org.tune4j.tuner.storage.Json.problem(e), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new MalformedResultsException(file, "(root)", "expected a JSON object, found " + describe(root));
        }
        JsonNode format = require(file, object.get("format"), "format");
        if (!format.isInt() || format.asInt() != StudyFile.FORMAT) {
            throw new MalformedResultsException(file, "format", "expected " + StudyFile.FORMAT + " (the format this tune4j"
                    + " reads), found " + describe(format));
        }
        return object;
    }

    /** Puts NaN where a hand-written file leaves out a trial's seconds or an epoch's figures. */
    private static void defaultMissingFiguresToNaN(ObjectNode root) {
        for (JsonNode trial : root.path("trials")) {
            if (trial instanceof ObjectNode t) {
                putNaNIfAbsent(t, "seconds");
                for (JsonNode epoch : t.path("history")) {
                    if (epoch instanceof ObjectNode e) {
                        OPTIONAL_EPOCH_FIGURES.forEach(field -> putNaNIfAbsent(e, field));
                    }
                }
            }
        }
    }

    private static void putNaNIfAbsent(ObjectNode node, String field) {
        if (!node.has(field)) {
            node.put(field, Double.NaN);
        }
    }

    private static <T> T require(Path file, T value, String field) throws MalformedResultsException {
        if (value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            throw new MalformedResultsException(file, field, "missing");
        }
        return value;
    }

    /** Jackson's complaint as the field it concerns (JSON names: {@code trials[3].value}) and what was wrong. */
    private static MalformedResultsException malformed(Path file, JsonNode root, JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        JsonNode at = root;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
                at = at.path(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
                at = at.path(ref.getIndex());
            }
        }
        String where = field.length() == 0 ? "(root)" : field.toString();
        if ((e instanceof ValueInstantiationException || e.getCause() instanceof IllegalArgumentException)
                && e.getCause() != null) {
            return new MalformedResultsException(file, where, e.getCause().getMessage());
        }
        Class<?> wanted = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                ? m.getTargetType() : null;
        return new MalformedResultsException(file, where, "expected " + describe(wanted) + ", found " + describe(at));
    }

    private static ObjectMapper strictNumbers(ObjectMapper mapper) {
        for (LogicalType type : List.of(LogicalType.Float, LogicalType.Integer)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        return Collection.class.isAssignableFrom(type) || type.isArray() ? "an array" : "an object";
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String shown = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown);
    }
}
