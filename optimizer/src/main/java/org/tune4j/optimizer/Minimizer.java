package org.tune4j.optimizer;

import java.util.List;
import org.tune4j.optimizer.space.Space;

/**
 * {@code minimize}: a short loop over {@link Optimizer#ask()} and {@link Optimizer#tell}, as
 * scikit-optimize's {@code base_minimize}. The given points x0 are evaluated first (they count as
 * calls but not toward the initial design), then asked points until {@code calls} evaluations,
 * or the space is exhausted. With known values y0 for x0 (a warm start
 * from earlier evaluations), x0 is told without being evaluated and does not count as calls.
 */
public final class Minimizer {
    private Minimizer() {
    }

    public static OptimizeResult minimize(Objective f, Space space, OptimizerConfig config, int calls,
            List<List<Object>> x0) {
        return run(f, new Optimizer(space, config), calls, x0);
    }

    /**
     * As {@link #minimize(Objective, Space, OptimizerConfig, int, List)}, with the values y0
     * of x0 already known (told first, not evaluated, not counted in {@code calls}); a NaN in y0
     * records that point as a failed trial.
     */
    public static OptimizeResult minimize(Objective f, Space space, OptimizerConfig config, int calls,
            List<List<Object>> x0, List<Double> y0) {
        if (x0.size() != y0.size()) {
            throw new IllegalArgumentException("minimize: expected as many values y0 as points x0, found "
                    + y0.size() + " values for " + x0.size() + " points");
        }
        Optimizer optimizer = new Optimizer(space, config);
        for (int i = 0; i < x0.size(); i++) {
            if (Double.isFinite(y0.get(i))) {
                optimizer.tell(x0.get(i), y0.get(i));
            } else {
                optimizer.tellFailed(x0.get(i));
            }
        }
        return run(f, optimizer, calls, List.of());
    }

    private static OptimizeResult run(Objective f, Optimizer optimizer, int calls, List<List<Object>> x0) {
        if (calls < 1) {
            throw new IllegalArgumentException("minimize: expected calls >= 1, found " + calls);
        }
        Space space = optimizer.space();
        for (int call = 0; call < calls; call++) {
            if (call >= x0.size() && optimizer.isExhausted()) {
                return optimizer.result().withStopReason(new SpaceExhaustedException(space.cardinality()).getMessage());
            }
            List<Object> x = call < x0.size() ? space.validate(x0.get(call)) : optimizer.ask();
            double y = evaluate(f, x);
            if (Double.isFinite(y)) {
                optimizer.tell(x, y);
            } else {
                optimizer.tellFailed(x);
            }
        }
        return optimizer.result();
    }

    /** The objective's value; NaN when it throws (the trial then counts as failed). */
    private static double evaluate(Objective f, List<Object> x) {
        try {
            return f.evaluate(x);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("minimize interrupted while evaluating " + x, e);
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
