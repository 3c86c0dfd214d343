package org.tune4j.bench.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tune4j.optimizer.BatchStrategy;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;

/**
 * The quality of batch asks for parallel workers (issue 16): on each problem of
 * {@link TestProblem#referenceSuite}, 48 evaluations taken in rounds of q points
 * ({@code ask(q, strategy)}, then the q values told) for q = 4 and 8 and every
 * {@link BatchStrategy}, against the sequential run (q = 1, one {@code ask()} at a time); GP + EI
 * with gp_minimize's defaults otherwise (the first 10 points from the random initial design).
 * Prints the median, quartiles and min-max of the regret after 48 evaluations over seeds, and the
 * ratio of each median to the sequential one (goal: at most 1.5).
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.tune4j.bench.optimizer.BatchRegret [seeds] [threads] [problem-filter] [strategies]
 * </pre>
 * Defaults: 15 seeds, 2 threads, every problem, every strategy (else a comma-separated list of
 * labels such as {@code cl-min,local-penalization}).
 */
public final class BatchRegret {
    static final int EVALUATIONS = 48;
    private static final int[] BATCH_SIZES = {4, 8};

    private BatchRegret() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String filter = args.length > 2 ? args[2].toLowerCase(Locale.ROOT) : "";
        List<String> strategies = args.length > 3 ? List.of(args[3].split(",")) : null;
        System.out.printf(Locale.ROOT, "%d evaluations, seeds 0..%d, GP + EI, %d threads%n%n", EVALUATIONS,
                seeds - 1, threads);
        System.out.println("| problem | strategy, q | median @48 | quartiles | min-max | s/run | sorted |");
        System.out.println("|---|---|---|---|---|---|---|");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (TestProblem problem : TestProblem.referenceSuite()) {
                if (!problem.name().toLowerCase(Locale.ROOT).contains(filter)) {
                    continue;
                }
                System.out.println(row(problem, BatchStrategy.CL_MIN, 1, seeds, pool));
                for (int q : BATCH_SIZES) {
                    for (BatchStrategy strategy : BatchStrategy.values()) {
                        if (strategies != null && !strategies.contains(strategy.label())) {
                            continue;
                        }
                        System.out.println(row(problem, strategy, q, seeds, pool));
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String row(TestProblem problem, BatchStrategy strategy, int q, int seeds, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        List<Future<double[]>> runs = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            OptimizerConfig config = OptimizerConfig.defaults().withSeed(seed);
            runs.add(pool.submit(() -> run(problem, config, strategy, q)));
        }
        double[] regrets = new double[seeds];
        double seconds = 0;
        for (int s = 0; s < seeds; s++) {
            double[] r = runs.get(s).get();
            regrets[s] = r[0];
            seconds += r[1] / seeds;
        }
        String name = q == 1 ? "sequential, q=1" : strategy.label() + ", q=" + q;
        return RegretSuite.row(problem.name(), name, regrets, seconds);
    }

    /** Regret after {@link #EVALUATIONS} evaluations in rounds of q, then the run's wall time in seconds. */
    static double[] run(TestProblem problem, OptimizerConfig config, BatchStrategy strategy, int q) throws Exception {
        long start = System.nanoTime();
        Optimizer optimizer = new Optimizer(problem.space(), config);
        double best = Double.POSITIVE_INFINITY;
        for (int done = 0; done < EVALUATIONS; ) {
            List<List<Object>> batch = q == 1 ? List.of(optimizer.ask())
                    : optimizer.ask(Math.min(q, EVALUATIONS - done), strategy);
            List<Double> values = new ArrayList<>();
            for (List<Object> x : batch) { // the workers: evaluated "in parallel", told after the round
                values.add(problem.objective().evaluate(x));
            }
            for (int i = 0; i < batch.size(); i++) {
                optimizer.tell(batch.get(i), values.get(i));
                best = Math.min(best, values.get(i));
            }
            done += batch.size();
        }
        return new double[] {best - problem.minimum(), (System.nanoTime() - start) / 1e9};
    }
}
