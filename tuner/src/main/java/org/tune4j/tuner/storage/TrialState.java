package org.tune4j.tuner.storage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a trial stands; written in lower case ({@code "complete"}) in every file. */
public enum TrialState {
    /** Evaluated; its value is the objective. */
    COMPLETE,
    /** Diverged or threw; the value is the study's penalty (or absent for external commands). */
    FAILED,
    /** Asked for but not yet told (only the {@code ask}/{@code tell} commands leave these). */
    PENDING;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TrialState fromJson(String text) {
        for (TrialState s : values()) {
            if (s.json().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("trial state: expected complete, failed or pending, found \"" + text + "\"");
    }
}
