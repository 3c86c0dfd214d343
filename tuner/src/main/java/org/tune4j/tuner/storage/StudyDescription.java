package org.tune4j.tuner.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.tune4j.optimizer.space.Space;

/**
 * What {@code study.json} holds: written once when a study starts, compared on every resume.
 *
 * @param format  file-format version ({@link StudyFile#FORMAT})
 * @param kind    what evaluates the trials: {@code "tune"} (training the tutorial network),
 *                {@code "minimize"} (an external command) or {@code "ask-tell"}
 * @param created ISO-8601 time the study was created
 * @param config  the study's configuration as JSON (its record is owned by {@code study})
 * @param space   the search space
 */
public record StudyDescription(int format, String kind, String created, JsonNode config, Space space) {
    public StudyDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(space, "space");
    }
}
