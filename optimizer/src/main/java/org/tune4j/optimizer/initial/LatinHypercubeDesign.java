package org.tune4j.optimizer.initial;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979): each axis is cut into n equal strata
 * and every stratum of every axis holds exactly one point, placed uniformly inside it; the strata
 * are matched across axes by independent random permutations.
 */
public record LatinHypercubeDesign() implements InitialPointGenerator {

    @Override
    public String name() {
        return "lhs";
    }

    @Override
    public String description() {
        return "Latin hypercube: one point per stratum of every axis (McKay et al. 1979)";
    }

    @Override
    public List<double[]> generate(int n, int unitDims, RandomGenerator rng) {
        InitialPointGenerator.checkArguments(n, unitDims);
        List<double[]> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new double[unitDims]);
        }
        for (int j = 0; j < unitDims; j++) {
            int[] strata = permutation(n, rng);
            for (int i = 0; i < n; i++) {
                double v = (strata[i] + rng.nextDouble()) / n;
                points.get(i)[j] = Math.min(v, Math.nextDown(1.0));
            }
        }
        return points;
    }

    private static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int k = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }
}
