package org.tune4j.engine.model;

/**
 * One convolution block of the tutorial's network family: a square {@code kernelSize} convolution
 * with {@code filters} output channels, stride 1, "same" padding, then the activation and a 2x2 max pool.
 */
public record ConvSpec(int filters, int kernelSize) {

    public ConvSpec {
        if (filters <= 0) {
            throw new IllegalArgumentException("conv filters must be at least 1, found " + filters);
        }
        if (kernelSize <= 0) {
            throw new IllegalArgumentException("conv kernel size must be at least 1, found " + kernelSize);
        }
    }
}
