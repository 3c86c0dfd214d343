package org.tune4j.optimizer.initial;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Generates an initial design in the unit cube [0, 1)^unitDims. The extension point of initial
 * designs: one implementation per design, registered by one line (its binary name) in
 * {@code META-INF/services/org.tune4j.optimizer.initial.InitialPointGenerator}, found by
 * {@link java.util.ServiceLoader} (the tuner's {@code --initial-design} choices are these names).
 *
 * <p>Life cycle: stateless (a record without components, or a class with a public no-arg
 * constructor); each call to {@link #generate} builds a complete design of {@code n}
 * points using only the given generator, so equal seeds give equal designs. The caller maps the
 * points through {@code Space.fromUnit}, which snaps integer and categorical columns.
 */
public interface InitialPointGenerator {

    /** The name files and the command line use ({@code "sobol"}); unique among designs, any case. */
    String name();

    /** One line for help texts and the docs. */
    String description();

    /** Returns {@code n} points, each a fresh {@code double[unitDims]} with entries in [0, 1). */
    List<double[]> generate(int n, int unitDims, RandomGenerator rng);

    /** Checks the common arguments. */
    static void checkArguments(int n, int unitDims) {
        if (n < 0 || unitDims < 1) {
            throw new IllegalArgumentException("initial design: expected n >= 0 and unitDims >= 1, found n=" + n
                    + ", unitDims=" + unitDims);
        }
    }
}
