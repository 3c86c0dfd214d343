package org.tune4j.tuner.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tune4j.tuner.storage.Json;

/**
 * What the dashboard needs of a study's {@code study.json} (format in {@code storage.StudyFile}),
 * read leniently: a field missing or of another type is null here, and an unreadable file is a
 * {@link #problem} shown on the page rather than an error, since the page shows a study while it is
 * being written.
 *
 * @param kind       {@code tune}, {@code minimize}, {@code ask-tell}, or null
 * @param created    when the study started, or null
 * @param budget     the number of trials asked for ({@code config.calls}), or null
 * @param epochs     epochs per trial ({@code config.epochs}) of a tutorial study, or null
 * @param dimensions the search space's dimension names in order
 * @param config     the whole {@code config} object (shown as it is), or null
 * @param problem    why the file could not be read, or null
 */
record StudySettings(String kind, Instant created, Integer budget, Integer epochs, List<String> dimensions,
                     JsonNode config, String problem) {

    StudySettings {
        dimensions = List.copyOf(dimensions);
    }

    /** Reads {@code file}; never throws for a missing or damaged file. */
    static StudySettings read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return new StudySettings(null, null, null, null, List.of(), null,
                    file.getFileName() + " could not be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            return new StudySettings(null, null, null, null, List.of(), null, file.getFileName() + ": not a JSON object");
        }
        JsonNode config = root.path("config");
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = root.path("space").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return new StudySettings(root.path("kind").isTextual() ? root.get("kind").asText() : null,
                instant(root.path("created").asText("")), positive(config.path("calls")), positive(config.path("epochs")),
                names, config.isObject() ? config : null, null);
    }

    private static Integer positive(JsonNode node) {
        return node.canConvertToInt() && node.isIntegralNumber() && node.asInt() > 0 ? node.asInt() : null;
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
