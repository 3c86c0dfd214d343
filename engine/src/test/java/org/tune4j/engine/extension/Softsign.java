package org.tune4j.engine.extension;

import org.tune4j.engine.layer.Activation;

/**
 * A library user's activation, registered in this test class path's
 * {@code META-INF/services/org.tune4j.engine.layer.Activation} only: softsign (Turian et al. 2009),
 * y = x / (1 + |x|), dy/dx = 1 / (1 + |x|)^2 = (1 - |y|)^2. The array loops are the interface's
 * defaults.
 */
public record Softsign() implements Activation {
    @Override public String name() { return "softsign"; }
    @Override public String description() { return "x / (1 + |x|)"; }
    @Override public float apply(float x) { return x / (1f + Math.abs(x)); }

    @Override
    public float derivativeFromOutput(float y) {
        float s = 1f - Math.abs(y);
        return s * s;
    }
}
