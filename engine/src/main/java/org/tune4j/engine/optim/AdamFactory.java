package org.tune4j.engine.optim;

/** "adam": {@link Adam} with Keras' defaults (the tutorial's optimizer). */
public final class AdamFactory implements GradientOptimizerFactory {
    @Override public String name() { return "adam"; }
    @Override public String description() { return "Adam (Kingma & Ba 2015): beta1 0.9, beta2 0.999, epsilon 1e-7"; }
    @Override public GradientOptimizer create(double learningRate) { return new Adam(learningRate); }
}
