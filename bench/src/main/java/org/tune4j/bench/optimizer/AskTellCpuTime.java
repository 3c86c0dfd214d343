package org.tune4j.bench.optimizer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;

/**
 * The optimizer's overhead as CPU time of the calling thread, which a machine shared with other
 * jobs disturbs far less than wall time (a companion of the JMH {@link AskTellBenchmark}, same
 * problem and defaults): for each number of observations n, a fresh optimizer is replayed with n
 * random points of Hartmann-6 (6 dimensions); then the CPU time of its first ask + tell (past 200
 * observations the refit of the {@code RefitSchedule}) and the mean of the next {@code run} asks
 * + tells (their refits included at the schedule's rate) are printed, the median of 3 repetitions
 * each, after one unmeasured warm-up round per n. Peak retained heap is not measured here (see
 * JMH's {@code -prof gc} for allocation).
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.tune4j.bench.optimizer.AskTellCpuTime [run] [n ...]
 * </pre>
 * Defaults: run 20, n = 100 200 500 1000 2000.
 */
public final class AskTellCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AskTellCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int run = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 200, 500, 1000, 2000};
        TestProblem problem = TestProblem.hartmann6();
        System.out.println("| observations | first ask + tell (CPU ms) | next " + run + ", mean (CPU ms) |");
        System.out.println("|---|---|---|");
        for (int n : sizes) {
            SplittableRandom rng = new SplittableRandom(42);
            List<List<Object>> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Object> x = problem.space().sample(rng);
                xs.add(x);
                ys.add(problem.objective().evaluate(x));
            }
            measure(problem, xs, ys, Math.min(run, 2)); // warm-up
            double[] first = new double[3];
            double[] next = new double[3];
            for (int r = 0; r < 3; r++) {
                double[] m = measure(problem, xs, ys, run);
                first[r] = m[0];
                next[r] = m[1];
            }
            Arrays.sort(first);
            Arrays.sort(next);
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f |%n", n, first[1], next[1]);
        }
    }

    /** CPU milliseconds of the first ask + tell, then the mean of the next {@code run}. */
    private static double[] measure(TestProblem problem, List<List<Object>> xs, List<Double> ys, int run)
            throws Exception {
        Optimizer optimizer = new Optimizer(problem.space(), OptimizerConfig.defaults());
        for (int i = 0; i < xs.size(); i++) {
            optimizer.replay(xs.get(i), ys.get(i));
        }
        long start = THREADS.getCurrentThreadCpuTime();
        askAndTell(optimizer, problem);
        long afterFirst = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < run; i++) {
            askAndTell(optimizer, problem);
        }
        long end = THREADS.getCurrentThreadCpuTime();
        return new double[] {(afterFirst - start) / 1e6, (end - afterFirst) / 1e6 / Math.max(run, 1)};
    }

    private static void askAndTell(Optimizer optimizer, TestProblem problem) throws Exception {
        List<Object> x = optimizer.ask();
        optimizer.tell(x, problem.objective().evaluate(x));
    }
}
