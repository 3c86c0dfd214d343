package org.tune4j.optimizer;

import java.time.Duration;

/**
 * Called by {@link Minimizer#minimize} after every told trial; returning true stops the run.
 * Callbacks receive everything they need in {@link Progress} and should keep no state, so one
 * instance can serve several runs.
 */
@FunctionalInterface
public interface Callback {

    /** The run so far: the result snapshot, the wall time since the run started, the longest trial. */
    record Progress(OptimizeResult result, Duration elapsed, Duration longestTrial) {
    }

    /** Returns true to stop after this trial. */
    boolean afterTrial(Progress progress);
}
