package org.tune4j.bench.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tune4j.optimizer.Minimizer;
import org.tune4j.optimizer.OptimizeResult;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.acquisition.GpHedge;
import org.tune4j.optimizer.acquisition.LowerConfidenceBound;
import org.tune4j.optimizer.surrogate.ExtraTrees;
import org.tune4j.optimizer.surrogate.RandomForest;
import org.tune4j.optimizer.surrogate.RandomSearch;

/**
 * Optimization quality on test functions with known minima: for every problem and method, runs
 * {@code Minimizer.minimize} for 50 calls with seeds 0 .. seeds-1 and prints, as a Markdown
 * table, the median and the min-max over seeds of the best-so-far regret (best value - known
 * minimum) after 20, 30 and 50 calls. Not a JMH benchmark: it measures quality, not time (the
 * mean wall time per run is printed for information only).
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.tune4j.bench.optimizer.OptimizerQualityBenchmark [seeds] [threads] [problem-filter]
 * </pre>
 * Defaults: 10 seeds, 2 threads, every problem. Methods: gp+EI, gp+LCB, gp+hedge (gp_minimize
 * defaults otherwise), forests (extra trees as forest_minimize's default, and random forest),
 * random search.
 */
public final class OptimizerQualityBenchmark {
    private static final int CALLS = 50;
    private static final int[] CHECKPOINTS = {20, 30, 50};

    private record Method(String name, OptimizerConfig config) {
    }

    private OptimizerQualityBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String filter = args.length > 2 ? args[2] : "";
        OptimizerConfig gp = OptimizerConfig.defaults();
        List<Method> methods = List.of(new Method("gp+EI", gp),
                new Method("gp+LCB", gp.withAcquisition(new LowerConfidenceBound.Factory())),
                new Method("gp+hedge", gp.withAcquisition(new GpHedge.Factory())),
                new Method("forest (ET)", gp.withSurrogate(new ExtraTrees.Factory())),
                new Method("forest (RF)", gp.withSurrogate(new RandomForest.Factory())),
                new Method("random", gp.withSurrogate(new RandomSearch())));
        System.out.printf(Locale.ROOT, "%d calls, seeds 0..%d, %d threads%n%n", CALLS, seeds - 1, threads);
        System.out.println("| problem | method | regret @20 median (min-max) | @30 | @50 | s/run |");
        System.out.println("|---|---|---|---|---|---|");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (TestProblem problem : TestProblem.all()) {
                if (!problem.name().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                for (Method method : methods) {
                    System.out.println(row(problem, method, seeds, pool));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String row(TestProblem problem, Method method, int seeds, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        List<Future<double[]>> runs = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            OptimizerConfig config = method.config().withSeed(seed);
            runs.add(pool.submit(() -> run(problem, config)));
        }
        double[][] regrets = new double[CHECKPOINTS.length][seeds]; // (checkpoint, seed)
        double seconds = 0;
        for (int s = 0; s < seeds; s++) {
            double[] r = runs.get(s).get();
            for (int c = 0; c < CHECKPOINTS.length; c++) {
                regrets[c][s] = r[c];
            }
            seconds += r[CHECKPOINTS.length] / seeds;
        }
        StringBuilder sb = new StringBuilder("| " + problem.name() + " | " + method.name() + " |");
        for (double[] atCheckpoint : regrets) {
            sb.append(' ').append(summary(atCheckpoint)).append(" |");
        }
        return sb.append(String.format(Locale.ROOT, " %.1f |", seconds)).toString();
    }

    /** Regrets at the checkpoints, then the wall time of the run in seconds. */
    private static double[] run(TestProblem problem, OptimizerConfig config) {
        long start = System.nanoTime();
        OptimizeResult result = Minimizer.minimize(problem.objective(), problem.space(), config, CALLS, List.of());
        double[] bestSoFar = result.bestSoFar();
        double[] out = new double[CHECKPOINTS.length + 1];
        for (int c = 0; c < CHECKPOINTS.length; c++) {
            out[c] = bestSoFar[CHECKPOINTS[c] - 1] - problem.minimum();
        }
        out[CHECKPOINTS.length] = (System.nanoTime() - start) / 1e9;
        return out;
    }

    private static String summary(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        return String.format(Locale.ROOT, "%.2g (%.2g-%.2g)", median, sorted[0], sorted[n - 1]);
    }
}
