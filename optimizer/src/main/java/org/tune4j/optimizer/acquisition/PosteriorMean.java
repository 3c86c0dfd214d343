package org.tune4j.optimizer.acquisition;

/**
 * The surrogate's predicted mean as a utility: {@code utility = -mean} (∂/∂mean = -1, ∂/∂std = 0).
 * Maximizing it finds the surrogate's expected minimum, the point the model believes best; it is
 * not meant for choosing the next evaluation (it never explores).
 */
public record PosteriorMean() implements AcquisitionFunction {

    @Override
    public double utility(double mean, double std, double best) {
        return -mean;
    }

    @Override
    public Sensitivity sensitivity(double mean, double std, double best) {
        return new Sensitivity(-mean, -1, 0);
    }

}
