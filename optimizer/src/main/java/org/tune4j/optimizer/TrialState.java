package org.tune4j.optimizer;

/** Outcome of one evaluation. */
public enum TrialState {
    /** The objective returned a finite value. */
    COMPLETE,
    /** The objective failed (threw, crashed, printed no number); excluded from fitting, never re-proposed. */
    FAILED
}
