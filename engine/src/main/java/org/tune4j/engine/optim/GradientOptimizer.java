package org.tune4j.engine.optim;

/**
 * A first-order update rule for a flat parameter vector.
 *
 * <p><b>Life cycle.</b> {@link #initialize} once per model (and again to restart training from
 * fresh state): it sizes and zeroes the optimizer's state, the only allocation. Then, once per
 * mini-batch with the gradient of the mean batch loss, {@link #step}; or, to share the update
 * among threads, {@link #beginStep} on one thread followed by {@link #stepRange} on disjoint
 * ranges that together cover every parameter, from any threads (the caller orders beginStep
 * before them, e.g. through a thread hand-off). The rule is element-wise, so the result is the
 * same however the ranges are cut. Implementations keep no reference to the arrays they are given.
 */
public interface GradientOptimizer {

    /** Sizes (and resets) the state for a model with {@code parameterCount} parameters. */
    void initialize(int parameterCount);

    /** Starts the next update (counts it; Adam's bias correction depends on the count). */
    void beginStep();

    /**
     * The update begun by the last {@link #beginStep}, for parameters [from, to) only:
     * params -= rule(gradients) there.
     *
     * @param params    (parameterCount), updated in place in [from, to)
     * @param gradients (parameterCount), dLoss/dParams of the mean batch loss; not modified
     */
    void stepRange(float[] params, float[] gradients, int from, int to);

    /** One whole update: {@link #beginStep}, then {@link #stepRange} over every parameter. */
    default void step(float[] params, float[] gradients) {
        beginStep();
        stepRange(params, gradients, 0, params.length);
    }
}
