package org.tune4j.optimizer.initial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitialDesignTest {
    private static final List<InitialPointGenerator> ALL = List.of(new RandomDesign(), new SobolDesign(),
            new HaltonDesign(), new LatinHypercubeDesign());

    @Test
    void pointsLieInTheUnitCubeAndDependOnTheSeed() {
        for (InitialPointGenerator g : ALL) {
            List<double[]> a = g.generate(16, 5, new SplittableRandom(1));
            List<double[]> again = g.generate(16, 5, new SplittableRandom(1));
            List<double[]> b = g.generate(16, 5, new SplittableRandom(2));
            assertThat(a).hasSize(16);
            for (int i = 0; i < 16; i++) {
                assertThat(a.get(i)).hasSize(5);
                for (double v : a.get(i)) {
                    assertThat(v).as(g.getClass().getSimpleName()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
                }
                assertThat(again.get(i)).containsExactly(a.get(i));
            }
            assertThat(b.get(0)).as(g.getClass().getSimpleName()).isNotEqualTo(a.get(0));
        }
    }

    @Test
    void latinHypercubeHasOnePointPerStratumOnEveryAxis() {
        int n = 13;
        List<double[]> points = new LatinHypercubeDesign().generate(n, 4, new SplittableRandom(3));
        for (int axis = 0; axis < 4; axis++) {
            boolean[] hit = new boolean[n];
            for (double[] p : points) {
                int stratum = (int) Math.floor(p[axis] * n);
                assertThat(hit[stratum]).as("axis %d stratum %d hit twice", axis, stratum).isFalse();
                hit[stratum] = true;
            }
        }
    }

    @Test
    void lowDiscrepancyDesignsAreStratifiedOnPowersOfTwo() {
        // the first 2^k points of a (shifted) Sobol sequence put one point in each of 2^k equal intervals per axis
        for (InitialPointGenerator g : List.of(new SobolDesign())) {
            List<double[]> points = g.generate(16, 3, new SplittableRandom(4));
            for (int axis = 0; axis < 3; axis++) {
                int[] counts = new int[16];
                for (double[] p : points) {
                    counts[(int) Math.floor(p[axis] * 16)]++;
                }
                assertThat(counts).containsOnly(1);
            }
        }
    }
}
