package org.tune4j.optimizer;

import java.util.List;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;

/** Test functions with known optima. */
final class TestProblems {
    private TestProblems() {
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]; global minimum 0.397887 at three points. */
    static final double BRANIN_MINIMUM = 0.39788735772973816;

    static Space braninSpace() {
        return new Space(List.of(new RealDimension("x1", -5, 10), new RealDimension("x2", 0, 15)));
    }

    static double branin(List<Object> x) {
        double x1 = (Double) x.get(0);
        double x2 = (Double) x.get(1);
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static double regret(OptimizeResult r) {
        return r.best().orElseThrow().value() - BRANIN_MINIMUM;
    }
}
