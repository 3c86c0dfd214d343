package org.tune4j.optimizer;

/** Which model guides the search after the initial design. */
public enum SurrogateKind {
    /** Gaussian process, as gp_minimize. */
    GP,
    /** Random forest, as forest_minimize(base_estimator="RF"). */
    RANDOM_FOREST,
    /** Extra trees, as forest_minimize(base_estimator="ET"). */
    EXTRA_TREES,
    /** No model: random search, as dummy_minimize (the baseline). */
    RANDOM
}
