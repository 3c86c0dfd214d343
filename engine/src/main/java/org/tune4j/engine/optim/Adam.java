package org.tune4j.engine.optim;

import java.util.Locale;

/**
 * Adam: Kingma &amp; Ba (2015), "Adam: A Method for Stochastic Optimization", Algorithm 1, in the
 * form Keras (TensorFlow 2) implements it, with the bias correction folded into the step size
 * (the paper's section 2, last paragraph):
 *
 * <pre>
 *   m_t   = beta1 m_{t-1} + (1 - beta1) g
 *   v_t   = beta2 v_{t-1} + (1 - beta2) g^2
 *   lr_t  = lr sqrt(1 - beta2^t) / (1 - beta1^t)
 *   theta = theta - lr_t m_t / (sqrt(v_t) + epsilon)
 * </pre>
 *
 * Defaults are Keras': beta1 0.9, beta2 0.999, epsilon 1e-7. (PyTorch adds epsilon to the
 * bias-corrected sqrt(v) instead; the two differ only when sqrt(v_t) is near epsilon.)
 */
public final class Adam implements GradientOptimizer {

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private float[] m;  // (parameterCount): first moment
    private float[] v;  // (parameterCount): second moment
    private long t;
    private float stepSize;  // lr_t of the update begun last

    /** Adam with Keras' defaults and the given learning rate. */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Adam learning rate must be a finite number > 0, found " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), found " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be > 0, found " + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void initialize(int parameterCount) {
        m = new float[parameterCount];
        v = new float[parameterCount];
        t = 0;
    }

    @Override
    public void beginStep() {
        if (m == null) {
            throw new IllegalStateException("Adam sized for no model (call initialize)");
        }
        t++;
        stepSize = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    }

    @Override
    public void stepRange(float[] params, float[] gradients, int from, int to) {
        if (m == null || m.length != params.length || gradients.length != params.length) {
            throw new IllegalStateException("Adam sized for " + (m == null ? "no model (call initialize)" : m.length + " parameters")
                    + ", given " + params.length + " parameters and " + gradients.length + " gradients");
        }
        java.util.Objects.checkFromToIndex(from, to, params.length);
        float lrT = stepSize;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        for (int i = from; i < to; i++) {
            float g = gradients[i];
            m[i] = b1 * m[i] + (1f - b1) * g;
            v[i] = b2 * v[i] + (1f - b2) * g * g;
            params[i] -= lrT * m[i] / ((float) Math.sqrt(v[i]) + eps);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Adam(lr=%s, beta1=%s, beta2=%s, epsilon=%s)", learningRate, beta1, beta2, epsilon);
    }
}
