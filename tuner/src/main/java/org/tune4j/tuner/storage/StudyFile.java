package org.tune4j.tuner.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tune4j.optimizer.space.Space;

/**
 * Reads and writes {@code study.json}:
 * {@code {"format": 1, "kind": "tune", "created": "...", "config": {...}, "space": {...}}}.
 * A file of another format version is refused rather than guessed at.
 */
public final class StudyFile {
    /** Version of study.json, journal.jsonl and results.json written by this code. */
    public static final int FORMAT = 1;

    private StudyFile() {
    }

    /** Writes the description atomically. */
    public static void write(Path file, StudyDescription study) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", study.format());
        root.put("kind", study.kind());
        root.put("created", study.created());
        root.set("config", study.config());
        root.set("space", SpaceFile.toJson(study.space()));
        AtomicFiles.writeString(file, Json.pretty(root));
    }

    /** Reads a description, refusing another format version. */
    public static StudyDescription read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file.getParent() + " is not a tune4j run directory: " + RunLayout.STUDY
                    + " is missing");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + Json.problem(e) + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isInt() || format.asInt() != FORMAT) {
            throw new IllegalArgumentException(file + ": field \"format\": this tune4j reads format " + FORMAT
                    + ", found " + format + "; start a new run instead of resuming this one");
        }
        for (String field : new String[] {"kind", "config", "space"}) {
            if (!root.hasNonNull(field)) {
                throw new IllegalArgumentException(file + ": field \"" + field + "\" is missing");
            }
        }
        Space space = SpaceFile.fromJson(root.get("space"), file + " field \"space\"");
        return new StudyDescription(FORMAT, root.get("kind").asText(), root.path("created").asText(""),
                root.get("config"), space);
    }
}
