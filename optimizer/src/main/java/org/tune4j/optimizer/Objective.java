package org.tune4j.optimizer;

import java.util.List;

/**
 * The function to minimize. Returning NaN or an infinite value, or throwing, makes the trial a
 * failed one: it is recorded, never re-proposed, and the run goes on.
 */
@FunctionalInterface
public interface Objective {
    double evaluate(List<Object> x) throws Exception;
}
