package org.tune4j.tuner.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file of a run directory could not be written (a full disk, a read-only directory, a path
 * taken by a directory). It is the storage's failure, never a trial's: a study that meets one
 * stops with this one-line message (the journal keeps every trial it could record) and can be
 * resumed once the cause is fixed. Thrown by {@link AtomicFiles} and {@link Journal}, and by the
 * study for the best model file.
 */
public class StorageException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, IOException cause) {
        super(message, cause);
    }
}
