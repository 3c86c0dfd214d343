package org.tune4j.optimizer.initial;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Independent uniform points: the baseline design (scikit-optimize's default "random"). */
public record RandomDesign() implements InitialPointGenerator {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "independent uniform points (the default of scikit-optimize)";
    }

    @Override
    public List<double[]> generate(int n, int unitDims, RandomGenerator rng) {
        InitialPointGenerator.checkArguments(n, unitDims);
        List<double[]> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] p = new double[unitDims];
            for (int j = 0; j < unitDims; j++) {
                p[j] = rng.nextDouble();
            }
            points.add(p);
        }
        return points;
    }
}
