package org.tune4j.optimizer;

/** Where a trial stands. Files spell the states in lower case ({@code "complete"}). */
public enum TrialState {
    /** The objective returned a finite value. */
    COMPLETE,
    /** The objective failed (threw, crashed, printed no number); excluded from fitting, never re-proposed. */
    FAILED,
    /**
     * Stopped early by a pruner after an intermediate report ({@code optimizer.prune}); the study
     * decides what the optimizer is told about it (tune4j's tuner: its last intermediate value).
     */
    PRUNED,
    /** Asked for and not yet told (treated as observed at the best value by later asks; never re-proposed). */
    PENDING
}
