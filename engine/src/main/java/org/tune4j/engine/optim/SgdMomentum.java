package org.tune4j.engine.optim;

import java.util.Locale;

/**
 * Stochastic gradient descent with (heavy-ball) momentum, Polyak (1964), in Keras' form:
 *
 * <pre>
 *   velocity = momentum * velocity - lr * g
 *   theta    = theta + velocity
 * </pre>
 *
 * With momentum 0 this is plain SGD.
 */
public final class SgdMomentum implements GradientOptimizer {

    /** The momentum of the registered "sgd" ({@link SgdMomentumFactory}), the usual choice. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double learningRate;
    private final double momentum;
    private float[] velocity;  // (parameterCount)

    public SgdMomentum(double learningRate, double momentum) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("SGD learning rate must be a finite number > 0, found " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD momentum must be in [0, 1), found " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public void initialize(int parameterCount) {
        velocity = new float[parameterCount];
    }

    /** Plain SGD has no step count. */
    @Override
    public void beginStep() {
    }

    @Override
    public void stepRange(float[] params, float[] gradients, int from, int to) {
        if (velocity == null || velocity.length != params.length || gradients.length != params.length) {
            throw new IllegalStateException("SGD sized for " + (velocity == null ? "no model (call initialize)" : velocity.length + " parameters")
                    + ", given " + params.length + " parameters and " + gradients.length + " gradients");
        }
        java.util.Objects.checkFromToIndex(from, to, params.length);
        float mu = (float) momentum;
        float lr = (float) learningRate;
        for (int i = from; i < to; i++) {
            velocity[i] = mu * velocity[i] - lr * gradients[i];
            params[i] += velocity[i];
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SgdMomentum(lr=%s, momentum=%s)", learningRate, momentum);
    }
}
