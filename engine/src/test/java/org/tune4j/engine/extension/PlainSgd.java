package org.tune4j.engine.extension;

import org.tune4j.engine.optim.GradientOptimizer;
import org.tune4j.engine.optim.GradientOptimizerFactory;

/** A library user's update rule, "plain-sgd": theta -= lr g, no state; registered in this test class path's services only. */
public final class PlainSgd implements GradientOptimizerFactory {
    @Override public String name() { return "plain-sgd"; }
    @Override public String description() { return "theta -= lr g"; }

    @Override
    public GradientOptimizer create(double learningRate) {
        float lr = (float) learningRate;
        return new GradientOptimizer() {
            @Override public void initialize(int parameterCount) { }
            @Override public void beginStep() { }

            @Override
            public void stepRange(float[] params, float[] gradients, int from, int to) {
                for (int i = from; i < to; i++) {
                    params[i] -= lr * gradients[i];
                }
            }
        };
    }
}
