package org.tune4j.tuner.study;

import java.util.List;
import java.util.Map;
import org.tune4j.tuner.storage.TrialRecord;

/** What a {@link StudyLoop} tells the person watching; every method defaults to nothing. */
public interface StudyListener {
    /** A listener that shows nothing. */
    StudyListener NONE = new StudyListener() { };

    /** Something worth a warning line (a journal line cut short by a crash, an early stop). */
    default void warning(String message) {
    }

    /** The study continues from the trials finished earlier (from its journal), towards {@code calls}. */
    default void resumed(List<TrialRecord> finished, int calls) {
    }

    /** Trial {@code number} of {@code calls} is about to be evaluated. */
    default void trialStarted(int number, int calls, Map<String, Object> params) {
    }

    /** A trial finished and is in the journal. */
    default void trialFinished(TrialRecord trial) {
    }
}
