package org.tune4j.engine.optim;

/**
 * A first-order update rule for a flat parameter vector.
 *
 * <p><b>Life cycle.</b> {@link #initialize} once per model (and again to restart training from
 * fresh state): it sizes and zeroes the optimizer's state, the only allocation. Then
 * {@link #step} once per mini-batch with the gradient of the mean batch loss, updating the
 * parameters in place. Implementations are single-threaded (the trainer calls them between
 * batches) and keep no reference to the arrays they are given.
 */
public interface GradientOptimizer {

    /** Sizes (and resets) the state for a model with {@code parameterCount} parameters. */
    void initialize(int parameterCount);

    /**
     * One update: params -= rule(gradients).
     *
     * @param params    (parameterCount), updated in place
     * @param gradients (parameterCount), dLoss/dParams of the mean batch loss; not modified
     */
    void step(float[] params, float[] gradients);
}
