package org.tune4j.optimizer.surrogate;

/** A surrogate whose predictive mean and standard deviation are differentiable in the input. */
public interface DifferentiableSurrogate extends Surrogate {

    /** Prediction at x with its gradient with respect to x. */
    PredictionGradient predictWithGradient(double[] x);
}
