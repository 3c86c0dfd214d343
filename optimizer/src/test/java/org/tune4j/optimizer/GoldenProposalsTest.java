package org.tune4j.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.acquisition.GpHedge;
import org.tune4j.optimizer.acquisition.LowerConfidenceBound;
import org.tune4j.optimizer.acquisition.ProbabilityOfImprovement;
import org.tune4j.optimizer.initial.HaltonDesign;
import org.tune4j.optimizer.initial.LatinHypercubeDesign;
import org.tune4j.optimizer.initial.SobolDesign;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.ExtraTrees;
import org.tune4j.optimizer.surrogate.RandomForest;
import org.tune4j.optimizer.surrogate.RandomSearch;

/**
 * Golden regression test: the points the optimizer proposes on a small mixed space, for every
 * surrogate and acquisition, must not change when the optimizer's code is reorganized (the
 * tutorial study's trials depend on them).
 *
 * <p>How the expected values were produced: {@link #main} was run on the code at commit 8ff4f44
 * (before the extension points were redrawn) and its output committed as
 * {@code src/test/resources/golden/proposals.txt}. Each line is one run: its label, then every
 * trial's point in call order ({@code List.toString}, so doubles are written exactly). A run
 * tells one given point first (as the tutorial's x0), then asks, reporting every seventh ask as
 * failed, and ends with one {@code ask(3)} batch (constant liar between pending points).
 */
class GoldenProposalsTest {
    private static final String RESOURCE = "/golden/proposals.txt";
    private static final int ASKS = 15;
    private static final String[] METHODS = {"gp+EI", "gp+PI", "gp+LCB", "gp+hedge", "forest", "extra-trees",
            "random", "gp+EI sobol", "gp+EI halton", "forest lhs"};
    private static final long[] SEEDS = {0, 5};

    static Space space() {
        return new Space(List.of(new RealDimension("rate", 1e-4, 1.0, Prior.LOG_UNIFORM),
                new IntegerDimension("width", 1, 20), new CategoricalDimension("kind", List.of("a", "b", "c"))));
    }

    /** A cheap deterministic objective with its minimum at rate 1e-2, width 7, kind a. */
    static double objective(List<Object> x) {
        double r = Math.log10((Double) x.get(0)) + 2;
        int w = (Integer) x.get(1);
        double k = switch ((String) x.get(2)) {
            case "a" -> 0.0;
            case "b" -> 0.5;
            default -> 1.0;
        };
        return r * r + (w - 7) * (w - 7) / 20.0 + k;
    }

    static OptimizerConfig config(String method, long seed) {
        OptimizerConfig base = OptimizerConfig.defaults().withSeed(seed).withInitialPoints(5);
        return switch (method) {
            case "gp+EI" -> base;
            case "gp+PI" -> base.withAcquisition(new ProbabilityOfImprovement.Factory());
            case "gp+LCB" -> base.withAcquisition(new LowerConfidenceBound.Factory());
            case "gp+hedge" -> base.withAcquisition(new GpHedge.Factory());
            case "forest" -> base.withSurrogate(new RandomForest.Factory());
            case "extra-trees" -> base.withSurrogate(new ExtraTrees.Factory());
            case "random" -> base.withSurrogate(new RandomSearch());
            case "gp+EI sobol" -> base.withInitialDesign(new SobolDesign());
            case "gp+EI halton" -> base.withInitialDesign(new HaltonDesign());
            case "forest lhs" -> base.withSurrogate(new RandomForest.Factory())
                    .withInitialDesign(new LatinHypercubeDesign());
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** One run: the trials' points in call order, then the points of one ask(3) batch. */
    static String run(String method, long seed) {
        Optimizer optimizer = new Optimizer(space(), config(method, seed));
        List<Object> x0 = List.of(1e-3, 3, "b");
        optimizer.tell(x0, objective(x0));
        for (int i = 1; i <= ASKS; i++) {
            List<Object> x = optimizer.ask();
            if (i % 7 == 0) {
                optimizer.tellFailed(x);
            } else {
                optimizer.tell(x, objective(x));
            }
        }
        List<List<Object>> points = new ArrayList<>();
        optimizer.result().trials().forEach(t -> points.add(t.x()));
        points.addAll(optimizer.ask(3));
        return method + " seed " + seed + ": " + points;
    }

    static List<String> runs() {
        List<String> lines = new ArrayList<>();
        for (long seed : SEEDS) {
            for (String method : METHODS) {
                lines.add(run(method, seed));
            }
        }
        return lines;
    }

    @Test
    void proposalsAreThoseOfTheCommittedGoldenFile() throws IOException {
        List<String> expected;
        try (InputStream in = GoldenProposalsTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> actual = runs();
        assertThat(actual).hasSize(SEEDS.length * METHODS.length);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).isEqualTo(expected.get(i));
        }
        assertThat(actual).hasSameSizeAs(expected);
    }

    /** Prints the golden file (see the class comment). */
    public static void main(String[] args) {
        runs().forEach(System.out::println);
    }
}
