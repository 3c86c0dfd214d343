package org.tune4j.optimizer;

import java.time.Duration;
import java.util.function.Consumer;

/** The standard callbacks: a deadline, no improvement for N calls, and a checkpoint hook. */
public final class Callbacks {
    private Callbacks() {
    }

    /**
     * Stops when the time left before {@code budget} is shorter than the longest trial so far
     * (scikit-optimize's DeadlineStopper), so the run ends before overrunning.
     */
    public static Callback deadline(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("deadline: expected a positive budget, found " + budget);
        }
        return new Deadline(budget);
    }

    /** Stops when the best value has not improved during the last {@code calls} trials. */
    public static Callback noImprovement(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("noImprovement: expected calls >= 1, found " + calls);
        }
        return new NoImprovement(calls);
    }

    /** Hands the result to {@code sink} after every trial (e.g. to write a checkpoint); never stops the run. */
    public static Callback checkpoint(Consumer<OptimizeResult> sink) {
        return progress -> {
            sink.accept(progress.result());
            return false;
        };
    }

    private record Deadline(Duration budget) implements Callback {
        @Override
        public boolean afterTrial(Progress p) {
            return budget.minus(p.elapsed()).compareTo(p.longestTrial()) <= 0;
        }
    }

    private record NoImprovement(int calls) implements Callback {
        @Override
        public boolean afterTrial(Progress p) {
            double[] best = p.result().bestSoFar();
            int n = best.length;
            if (n <= calls) {
                return false;
            }
            double before = best[n - 1 - calls];
            return !Double.isNaN(before) && !(best[n - 1] < before);
        }
    }
}
