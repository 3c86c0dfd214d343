package org.tune4j.tuner.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code results.json} that cannot be read as a study's results. The message names the file and
 * the field, and says what was expected and what was found, e.g.
 * {@code runs/a/results.json: field trials[3].value: expected a number, found "abc"}.
 */
public class MalformedResultsException extends IOException {

    private static final long serialVersionUID = 1L;

    public MalformedResultsException(Path file, String field, String problem) {
        super(file + ": field " + field + ": " + problem);
    }

    public MalformedResultsException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
