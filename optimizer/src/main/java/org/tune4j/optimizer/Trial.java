package org.tune4j.optimizer;

import java.util.List;

/**
 * One told evaluation: its 0-based number in call order, the point, the value (NaN when failed)
 * and its state.
 */
public record Trial(int number, List<Object> x, double value, TrialState state) {
    public Trial {
        x = List.copyOf(x);
        if (state == TrialState.PENDING) {
            throw new IllegalArgumentException("trial " + number + ": a told trial cannot be pending");
        }
        if (state == TrialState.COMPLETE && !Double.isFinite(value)) {
            throw new IllegalArgumentException("trial " + number + ": a complete trial needs a finite value, found "
                    + value);
        }
    }

    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }
}
