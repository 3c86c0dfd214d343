package org.tune4j.bench.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.optimizer.Objective;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.Dimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;

/**
 * A test function with a known global minimum. Definitions follow Surjanovic & Bingham's Virtual
 * Library of Simulation Experiments (sfu.ca/~ssurjano): Branin-Hoo, Hartmann-6, Ackley and Rosenbrock; the
 * mixed problem is a synthetic stand-in for the tutorial's space.
 */
record TestProblem(String name, Space space, Objective objective, double minimum) {

    static List<TestProblem> all() {
        return List.of(branin(), hartmann6(), ackley(4), tutorialLike());
    }

    /** Issue 16's suite, the domains of its scikit-optimize reference: Branin, Hartmann-6, Ackley-4 on [-5, 5]^4, Rosenbrock-4. */
    static List<TestProblem> referenceSuite() {
        return List.of(branin(), hartmann6(), ackley(4, 5), rosenbrock(4));
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]; minimum 0.397887 (three global minimizers). */
    static TestProblem branin() {
        Space space = new Space(List.of(new RealDimension("x1", -5, 10), new RealDimension("x2", 0, 15)));
        return new TestProblem("Branin", space, x -> {
            double x1 = (Double) x.get(0);
            double x2 = (Double) x.get(1);
            double u = x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6;
            return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
        }, 0.39788735772973816);
    }

    private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] H_A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] H_P = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /** Hartmann-6 on [0, 1]^6; minimum -3.32237. */
    static TestProblem hartmann6() {
        return new TestProblem("Hartmann-6", cube(6, 0, 1), x -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double t = (Double) x.get(j) - H_P[i][j];
                    inner += H_A[i][j] * t * t;
                }
                sum += H_ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }, -3.32237);
    }

    /** Ackley in d dimensions on [-32.768, 32.768]^d (a = 20, b = 0.2, c = 2π); minimum 0 at the origin. */
    static TestProblem ackley(int d) {
        return ackley("Ackley-" + d, d, 32.768);
    }

    /** Ackley in d dimensions on [-half, half]^d, named "Ackley-d [-half,half]"; minimum 0 at the origin. */
    static TestProblem ackley(int d, double half) {
        String bound = half == Math.rint(half) ? Long.toString((long) half) : Double.toString(half);
        return ackley("Ackley-" + d + " [-" + bound + "," + bound + "]", d, half);
    }

    private static TestProblem ackley(String name, int d, double half) {
        return new TestProblem(name, cube(d, -half, half), x -> {
            double squares = 0;
            double cosines = 0;
            for (Object o : x) {
                double v = (Double) o;
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
        }, 0.0);
    }

    /** Rosenbrock in d dimensions on [-2, 2]^d: sum of 100 (x_{i+1} - x_i²)² + (1 - x_i)²; minimum 0 at (1, .., 1). */
    static TestProblem rosenbrock(int d) {
        return new TestProblem("Rosenbrock-" + d, cube(d, -2, 2), x -> {
            double sum = 0;
            for (int i = 0; i + 1 < d; i++) {
                double xi = (Double) x.get(i);
                double next = (Double) x.get(i + 1);
                sum += 100 * (next - xi * xi) * (next - xi * xi) + (1 - xi) * (1 - xi);
            }
            return sum;
        }, 0.0);
    }

    /**
     * The tutorial's space (log-uniform learning rate, two integers, a binary categorical) with a
     * smooth synthetic objective whose minimum 0 is at [1e-3, 2, 104, relu]:
     * {@code (log10 lr + 3)²/4 + 0.1 (layers - 2)² + ((nodes - 104)/200)² + 0.5 [sigmoid]}.
     */
    static TestProblem tutorialLike() {
        Space space = new Space(List.of(new RealDimension("learning_rate", 1e-6, 1e-2, Prior.LOG_UNIFORM),
                new IntegerDimension("num_dense_layers", 1, 5), new IntegerDimension("num_dense_nodes", 5, 512),
                new CategoricalDimension("activation", List.of("relu", "sigmoid"))));
        return new TestProblem("Tutorial-like", space, x -> {
            double lr = Math.log10((Double) x.get(0)) + 3;
            double layers = (Integer) x.get(1) - 2;
            double nodes = ((Integer) x.get(2) - 104) / 200.0;
            return lr * lr / 4 + 0.1 * layers * layers + nodes * nodes + ("sigmoid".equals(x.get(3)) ? 0.5 : 0);
        }, 0.0);
    }

    private static Space cube(int d, double low, double high) {
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            dims.add(new RealDimension("x" + (i + 1), low, high));
        }
        return new Space(dims);
    }
}
