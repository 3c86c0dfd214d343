package org.tune4j.optimizer.surrogate;

/**
 * A prediction with its gradient with respect to the unit-cube input: {@code dMean[i] = ∂mean/∂x_i},
 * {@code dStd[i] = ∂std/∂x_i}. Used to refine acquisition maxima by gradient steps.
 */
public record PredictionGradient(double mean, double std, double[] dMean, double[] dStd) {

    public Prediction prediction() {
        return new Prediction(mean, std);
    }
}
