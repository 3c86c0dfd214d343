package org.tune4j.engine.layer;

/** The hyperbolic tangent: y = tanh x (computed in double), dy/dx = 1 - y^2. */
public record Tanh() implements Activation {

    @Override public String name() { return "tanh"; }
    @Override public String description() { return "tanh x"; }
    @Override public float apply(float x) { return (float) Math.tanh(x); }
    @Override public float derivativeFromOutput(float y) { return 1f - y * y; }

    @Override public String toString() { return name(); }
}
