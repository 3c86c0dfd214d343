package org.tune4j.tuner.report;

import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.tuner.storage.OptimizerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.StudyFile;
import org.tune4j.tuner.storage.TrialRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a run directory's {@code results.json} (written by the study's
 * {@link org.tune4j.tuner.storage.ResultsFile}, format {@value StudyFile#FORMAT}) into
 * {@link RunResults}, checking every field the report uses. Unknown fields are ignored, so the study
 * may record more than the report draws.
 *
 * <p>Every problem is a {@link MalformedResultsException} naming the file and the field:
 * {@code results.json: field trials[3].value: expected a number, found "abc"}.
 */
public final class ResultsReader {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path file;

    private ResultsReader(Path file) {
        this.file = file;
    }

    /** Reads and checks {@code file}. */
    public static RunResults read(Path file) throws IOException {
        return new ResultsReader(file).parse();
    }

    private RunResults parse() throws IOException {
        JsonNode root = root();
        Map<String, Object> config = plainMap(object(root, "config", "config"));
        List<DimensionInfo> space = space(object(root, "space", "space"));
        List<TrialRecord> trials = new ArrayList<>();
        JsonNode trialNodes = array(root, "trials", "trials");
        for (int i = 0; i < trialNodes.size(); i++) {
            trials.add(trial(trialNodes.get(i), "trials[" + i + "]"));
        }
        Optional<ResultsDocument.Best> best = present(root, "best") ? Optional.of(best(object(root, "best", "best")))
                : Optional.empty();
        Optional<ExpectedMinimum> expected = present(root, "expected_minimum")
                ? Optional.of(expectedMinimum(object(root, "expected_minimum", "expected_minimum"))) : Optional.empty();
        Optional<ResultsDocument.TestResult> test = present(root, "test")
                ? Optional.of(new ResultsDocument.TestResult(number(root.get("test"), "accuracy", "test.accuracy"),
                        number(root.get("test"), "loss", "test.loss")))
                : Optional.empty();
        String kind = present(root, "kind") ? text(root, "kind", "kind") : RunResults.TUNE;
        return new RunResults(kind, config, space, trials, best, expected, test);
    }

    /** The parsed file, checked to be an object of the right format. */
    private JsonNode root() throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no results.json in the run directory");
        } catch (JsonProcessingException e) {
            throw new MalformedResultsException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResultsException(file, "(root)", "expected a JSON object, found " + describe(root));
        }
        JsonNode format = require(root, "format", "format");
        if (!format.isInt() || format.asInt() != StudyFile.FORMAT) {
            throw new MalformedResultsException(file, "format", "expected " + StudyFile.FORMAT + " (the format this tune4j"
                    + " reads), found " + describe(format));
        }
        return root;
    }

    private ResultsDocument.Best best(JsonNode b) throws MalformedResultsException {
        return new ResultsDocument.Best((int) number(b, "number", "best.number"), plainMap(object(b, "params", "best.params")),
                number(b, "value", "best.value"));
    }

    private ExpectedMinimum expectedMinimum(JsonNode e) throws MalformedResultsException {
        return new ExpectedMinimum(plainMap(object(e, "params", "expected_minimum.params")),
                number(e, "predicted_value", "expected_minimum.predicted_value"));
    }

    private List<DimensionInfo> space(JsonNode node) throws MalformedResultsException {
        List<DimensionInfo> dims = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            String at = "space." + name;
            JsonNode d = entry.getValue();
            if (!d.isObject()) {
                throw new MalformedResultsException(file, at, "expected an object, found " + describe(d));
            }
            String type = text(d, "type", at + ".type");
            try {
                dims.add(switch (type) {
                    case "real", "integer" -> new DimensionInfo(name,
                            type.equals("real") ? DimensionInfo.Kind.REAL : DimensionInfo.Kind.INTEGER,
                            number(d, "low", at + ".low"), number(d, "high", at + ".high"), logPrior(d, at), List.of());
                    case "categorical" -> DimensionInfo.categorical(name, texts(array(d, "categories", at + ".categories"),
                            at + ".categories"));
                    default -> throw new MalformedResultsException(file, at + ".type",
                            "expected \"real\", \"integer\" or \"categorical\", found \"" + type + "\"");
                });
            } catch (IllegalArgumentException e) {
                throw new MalformedResultsException(file, at, e.getMessage());
            }
        }
        if (dims.isEmpty()) {
            throw new MalformedResultsException(file, "space", "expected at least one dimension, found none");
        }
        return dims;
    }

    private boolean logPrior(JsonNode d, String at) throws MalformedResultsException {
        if (!present(d, "prior")) {
            return false;
        }
        String prior = text(d, "prior", at + ".prior");
        return switch (prior) {
            case "uniform" -> false;
            case "log-uniform" -> true;
            default -> throw new MalformedResultsException(file, at + ".prior",
                    "expected \"uniform\" or \"log-uniform\", found \"" + prior + "\"");
        };
    }

    private TrialRecord trial(JsonNode t, String at) throws MalformedResultsException {
        if (!t.isObject()) {
            throw new MalformedResultsException(file, at, "expected an object, found " + describe(t));
        }
        String state = text(t, "state", at + ".state");
        if (!state.equals("complete") && !state.equals("failed")) {
            throw new MalformedResultsException(file, at + ".state",
                    "expected \"complete\" or \"failed\", found \"" + state + "\"");
        }
        List<EpochRecord> history = new ArrayList<>();
        if (present(t, "history")) {
            JsonNode epochs = array(t, "history", at + ".history");
            for (int i = 0; i < epochs.size(); i++) {
                JsonNode e = epochs.get(i);
                String eAt = at + ".history[" + i + "]";
                history.add(new EpochRecord((int) number(e, "epoch", eAt + ".epoch"), optionalNumber(e, "loss"),
                        optionalNumber(e, "accuracy"), optionalNumber(e, "val_loss"), optionalNumber(e, "val_accuracy"),
                        optionalNumber(e, "seconds")));
            }
        }
        // a failed trial may have no value (an external command that failed); a complete one must
        Double value = state.equals("failed") && !present(t, "value") ? null : number(t, "value", at + ".value");
        try {
            return new TrialRecord((int) number(t, "number", at + ".number"), plainMap(object(t, "params", at + ".params")),
                    value, OptimizerJson.trialState(state), optionalText(t, "error"),
                    present(t, "seconds") ? number(t, "seconds", at + ".seconds") : Double.NaN, history,
                    optionalText(t, "log_dir"));
        } catch (IllegalArgumentException e) {
            throw new MalformedResultsException(file, at, e.getMessage());
        }
    }

    // ---- field access, each naming the field on failure ----

    private static boolean present(JsonNode parent, String key) {
        return parent.has(key) && !parent.get(key).isNull();
    }

    private JsonNode require(JsonNode parent, String key, String at) throws MalformedResultsException {
        if (!parent.isObject()) {
            throw new MalformedResultsException(file, at, "expected an object around it, found " + describe(parent));
        }
        if (!present(parent, key)) {
            throw new MalformedResultsException(file, at, "missing");
        }
        return parent.get(key);
    }

    private JsonNode object(JsonNode parent, String key, String at) throws MalformedResultsException {
        JsonNode node = require(parent, key, at);
        if (!node.isObject()) {
            throw new MalformedResultsException(file, at, "expected an object, found " + describe(node));
        }
        return node;
    }

    private JsonNode array(JsonNode parent, String key, String at) throws MalformedResultsException {
        JsonNode node = require(parent, key, at);
        if (!node.isArray()) {
            throw new MalformedResultsException(file, at, "expected an array, found " + describe(node));
        }
        return node;
    }

    private String text(JsonNode parent, String key, String at) throws MalformedResultsException {
        JsonNode node = require(parent, key, at);
        if (!node.isTextual()) {
            throw new MalformedResultsException(file, at, "expected a string, found " + describe(node));
        }
        return node.asText();
    }

    private double number(JsonNode parent, String key, String at) throws MalformedResultsException {
        JsonNode node = require(parent, key, at);
        if (!node.isNumber()) {
            throw new MalformedResultsException(file, at, "expected a number, found " + describe(node));
        }
        return node.asDouble();
    }

    private List<String> texts(JsonNode array, String at) throws MalformedResultsException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            if (!node.isValueNode() || node.isNull()) {
                throw new MalformedResultsException(file, at + "[" + i + "]", "expected a string, found " + describe(node));
            }
            out.add(node.asText());
        }
        return out;
    }

    private static double optionalNumber(JsonNode parent, String key) {
        return parent.has(key) && parent.get(key).isNumber() ? parent.get(key).asDouble() : Double.NaN;
    }

    private static String optionalText(JsonNode parent, String key) {
        return present(parent, key) ? parent.get(key).asText() : null;
    }

    /** An object's fields as plain Java values: String, Integer/Long, Double, Boolean, or a list/map of those. */
    private Map<String, Object> plainMap(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            out.put(entry.getKey(), mapper.convertValue(entry.getValue(), Object.class));
        }
        return out;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String shown = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown);
    }
}
