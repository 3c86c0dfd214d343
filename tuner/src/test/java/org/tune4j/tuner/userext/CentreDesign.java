package org.tune4j.tuner.userext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.initial.InitialPointGenerator;

/** A library user's own initial design, registered only on the test class path: every point at the cube's centre. */
public record CentreDesign() implements InitialPointGenerator {
    @Override
    public String name() {
        return "centre";
    }

    @Override
    public String description() {
        return "a test design: the centre of the cube, n times";
    }

    @Override
    public List<double[]> generate(int n, int unitDims, RandomGenerator rng) {
        InitialPointGenerator.checkArguments(n, unitDims);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] p = new double[unitDims];
            Arrays.fill(p, 0.5);
            points.add(p);
        }
        return points;
    }
}
