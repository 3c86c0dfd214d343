package org.tune4j.optimizer;

/** Where a trial stands. Files spell the states in lower case ({@code "complete"}). */
public enum TrialState {
    /** The objective returned a finite value. */
    COMPLETE,
    /** The objective failed (threw, crashed, printed no number); excluded from fitting, never re-proposed. */
    FAILED,
    /** Asked for and not yet told (treated as observed at the best value by later asks; never re-proposed). */
    PENDING
}
