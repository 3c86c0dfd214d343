package org.tune4j.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid tune4j model file: the message names the file, what was expected and what was found. */
public final class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, String problem) {
        super("model file " + file + ": " + problem);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
    }
}
