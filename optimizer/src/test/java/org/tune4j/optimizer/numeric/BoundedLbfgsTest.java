package org.tune4j.optimizer.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {
    private static final BoundedLbfgs.Objective ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void findsTheInteriorMinimumOfRosenbrock() {
        BoundedLbfgs.Result r = new BoundedLbfgs(10, 500, 1e-8, 0).minimize(ROSENBROCK, new double[] {-1.2, 1},
                new double[] {-2, -2}, new double[] {2, 2});
        assertThat(r.x()[0]).isCloseTo(1, within(1e-4));
        assertThat(r.x()[1]).isCloseTo(1, within(1e-4));
    }

    @Test
    void stopsOnAnActiveBound() {
        // with x0 <= 0.5 the constrained minimum of Rosenbrock is near (0.5, 0.25)
        BoundedLbfgs.Result r = new BoundedLbfgs(10, 500, 1e-8, 0).minimize(ROSENBROCK, new double[] {-1, 2},
                new double[] {-2, -2}, new double[] {0.5, 2});
        assertThat(r.x()[0]).isEqualTo(0.5);
        assertThat(r.x()[1]).isCloseTo(0.25, within(1e-4));
    }

    @Test
    void aSearchRunInInstalmentsKeepsItsMemoryAndMatchesOneRun() {
        BoundedLbfgs lbfgs = new BoundedLbfgs(10, 500, 1e-8, 0);
        double[] lower = {-2, -2};
        double[] upper = {2, 2};
        BoundedLbfgs.Result once = lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, lower, upper);
        BoundedLbfgs.Search search = lbfgs.start(ROSENBROCK, new double[] {-1.2, 1}, lower, upper).run(7);
        assertThat(search.result().iterations()).isEqualTo(7);
        BoundedLbfgs.Result resumed = search.run(500).result();
        assertThat(resumed.x()).containsExactly(once.x());
        assertThat(resumed.iterations()).isEqualTo(once.iterations()).isLessThanOrEqualTo(500);
        assertThat(resumed.evaluations()).isEqualTo(once.evaluations());
    }
}
