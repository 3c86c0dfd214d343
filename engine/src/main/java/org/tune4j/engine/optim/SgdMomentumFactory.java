package org.tune4j.engine.optim;

/** "sgd": {@link SgdMomentum} with momentum {@value SgdMomentum#DEFAULT_MOMENTUM}. */
public final class SgdMomentumFactory implements GradientOptimizerFactory {
    @Override public String name() { return "sgd"; }
    @Override public String description() { return "SGD with momentum 0.9 (Polyak 1964)"; }
    @Override public GradientOptimizer create(double learningRate) { return new SgdMomentum(learningRate, SgdMomentum.DEFAULT_MOMENTUM); }
}
