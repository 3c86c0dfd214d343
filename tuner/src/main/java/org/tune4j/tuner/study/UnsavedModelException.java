package org.tune4j.tuner.study;

import java.io.IOException;
import org.tune4j.tuner.storage.StorageException;

/**
 * A trial finished, but the model it earned could not be saved (the disk is full, say). The trial
 * itself succeeded: {@link #outcome()} is its real result, which {@link StudyLoop} still records in
 * the journal before the study stops with this storage failure's message.
 */
public final class UnsavedModelException extends StorageException {
    private static final long serialVersionUID = 1L;
    private final transient TrialOutcome outcome;

    public UnsavedModelException(String message, IOException cause, TrialOutcome outcome) {
        super(message, cause);
        this.outcome = outcome;
    }

    /** The trial's result, to journal although its model is not on disk. */
    public TrialOutcome outcome() {
        return outcome;
    }
}
