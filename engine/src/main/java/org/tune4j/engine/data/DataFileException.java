/*
 * DataFileException: the one checked exception of the data package for files that exist but are
 * wrong (bad magic, truncated payload, checksum mismatch, unreadable image) or datasets that cannot
 * be found by any route. Its message always names the file and says what was expected versus found.
 * It is not used for programming errors (bad arguments), which stay IllegalArgumentException.
 */
package org.tune4j.engine.data;

import java.io.IOException;

/** A data file or dataset is missing, malformed or fails verification; the message says which and why. */
public class DataFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
