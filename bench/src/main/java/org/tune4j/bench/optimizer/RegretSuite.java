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
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.acquisition.ExpectedImprovement;
import org.tune4j.optimizer.acquisition.GpHedge;
import org.tune4j.optimizer.acquisition.LowerConfidenceBound;
import org.tune4j.optimizer.acquisition.ProbabilityOfImprovement;
import org.tune4j.optimizer.initial.LatinHypercubeDesign;
import org.tune4j.optimizer.initial.RandomDesign;
import org.tune4j.optimizer.initial.SobolDesign;
import org.tune4j.optimizer.surrogate.GaussianProcess;

/**
 * Issue 16's regret suite against its scikit-optimize reference: Branin, Hartmann-6, Ackley-4 on
 * [-5, 5]^4 and Rosenbrock-4 ({@link TestProblem#referenceSuite}), 50 calls, 10 random initial
 * points, gp_minimize's defaults with EI, LCB, PI and GP-hedge, seeds 0 .. seeds-1; prints per
 * problem and acquisition the median, the quartiles (linear interpolation, as NumPy's
 * {@code percentile}) and the min-max over seeds of the regret after 50 calls (best value - known
 * minimum), and the sorted regrets. Not a JMH benchmark: it measures quality, not time.
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.tune4j.bench.optimizer.RegretSuite [seeds] [threads] [problem-filter] [name=value ...]
 * </pre>
 * Defaults: 15 seeds, 2 threads, every problem. A variant of the defaults is given as
 * {@code name=value} settings: {@code xi}, {@code kappa} (the acquisitions' parameters),
 * {@code restarts} (GP), {@code candidates}, {@code refine} (acquisition maximizer),
 * {@code initial} (random, sobol or lhs: the initial design),
 * {@code acq} (a comma-separated subset of EI, LCB, PI, hedge).
 */
public final class RegretSuite {
    static final int CALLS = 50;

    private record Method(String name, OptimizerConfig config) {
    }

    private RegretSuite() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String filter = args.length > 2 ? args[2].toLowerCase(Locale.ROOT) : "";
        Settings settings = Settings.parse(Arrays.asList(args).subList(Math.min(3, args.length), args.length));
        System.out.printf(Locale.ROOT, "%d calls, seeds 0..%d, %d threads, %s%n%n", CALLS, seeds - 1, threads,
                settings);
        System.out.println("| problem | acq | median @50 | quartiles | min-max | s/run | sorted |");
        System.out.println("|---|---|---|---|---|---|---|");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (TestProblem problem : TestProblem.referenceSuite()) {
                if (!problem.name().toLowerCase(Locale.ROOT).contains(filter)) {
                    continue;
                }
                for (Method method : settings.methods()) {
                    List<Future<double[]>> runs = new ArrayList<>();
                    for (int seed = 0; seed < seeds; seed++) {
                        OptimizerConfig config = method.config().withSeed(seed);
                        runs.add(pool.submit(() -> run(problem, config)));
                    }
                    double[] regrets = new double[seeds];
                    double seconds = 0;
                    for (int s = 0; s < seeds; s++) {
                        double[] r = runs.get(s).get();
                        regrets[s] = r[0];
                        seconds += r[1] / seeds;
                    }
                    System.out.println(row(problem.name(), method.name(), regrets, seconds));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Regret after {@link #CALLS} calls, then the run's wall time in seconds. */
    private static double[] run(TestProblem problem, OptimizerConfig config) {
        long start = System.nanoTime();
        double best = Minimizer.minimize(problem.objective(), problem.space(), config, CALLS, List.of()).bestSoFar()[
                CALLS - 1];
        return new double[] {best - problem.minimum(), (System.nanoTime() - start) / 1e9};
    }

    /** One Markdown row: median, quartiles, min-max, seconds per run, the sorted values. */
    static String row(String problem, String method, double[] values, double seconds) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        StringBuilder all = new StringBuilder();
        for (double v : sorted) {
            all.append(all.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", v));
        }
        return String.format(Locale.ROOT, "| %s | %s | %.3g | [%.3g, %.3g] | %.2g-%.2g | %.1f | %s |", problem, method,
                percentile(sorted, 50), percentile(sorted, 25), percentile(sorted, 75), sorted[0],
                sorted[sorted.length - 1], seconds, all);
    }

    /** The p-th percentile of sorted values, interpolated linearly between ranks (NumPy's default). */
    static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    /** The suite's variant of gp_minimize's defaults, from {@code name=value} arguments. */
    record Settings(OptimizerConfig base, List<String> acquisitions, String text) {
        static Settings parse(List<String> args) {
            OptimizerConfig config = OptimizerConfig.defaults();
            List<String> acquisitions = List.of("EI", "LCB", "PI", "hedge");
            for (String arg : args) {
                String[] kv = arg.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("RegretSuite: expected name=value, found '" + arg + "'");
                }
                double v = kv[0].equals("acq") || kv[0].equals("initial") ? 0 : Double.parseDouble(kv[1]);
                config = switch (kv[0]) {
                    case "xi", "kappa" -> config; // applied per acquisition below
                    case "restarts" -> config.withSurrogateParameter(GaussianProcess.Factory.RESTARTS.name(), v);
                    case "candidates" -> config.withCandidates((int) v);
                    case "refine" -> config.withRefineFrom((int) v);
                    case "acq" -> config;
                    case "initial" -> config.withInitialDesign(switch (kv[1]) {
                        case "random" -> new RandomDesign();
                        case "sobol" -> new SobolDesign();
                        case "lhs" -> new LatinHypercubeDesign();
                        default -> throw new IllegalArgumentException("RegretSuite: unknown initial design '" + kv[1]
                                + "', expected random, sobol or lhs");
                    });
                    default -> throw new IllegalArgumentException("RegretSuite: unknown setting '" + kv[0]
                            + "', expected xi, kappa, restarts, candidates, refine, initial or acq");
                };
                if (kv[0].equals("acq")) {
                    acquisitions = List.of(kv[1].split(","));
                }
            }
            return new Settings(config, acquisitions, args.isEmpty() ? "gp_minimize defaults" : String.join(" ", args));
        }

        List<Method> methods() {
            List<Method> out = new ArrayList<>();
            for (String a : acquisitions) {
                OptimizerConfig c = switch (a) {
                    case "EI" -> base.withAcquisition(new ExpectedImprovement.Factory());
                    case "LCB" -> base.withAcquisition(new LowerConfidenceBound.Factory());
                    case "PI" -> base.withAcquisition(new ProbabilityOfImprovement.Factory());
                    case "hedge" -> base.withAcquisition(new GpHedge.Factory());
                    default -> throw new IllegalArgumentException("RegretSuite: unknown acquisition '" + a
                            + "', expected EI, LCB, PI or hedge");
                };
                out.add(new Method(a, withParameters(c)));
            }
            return out;
        }

        private OptimizerConfig withParameters(OptimizerConfig c) {
            for (String arg : text.split(" ")) {
                String[] kv = arg.split("=", 2);
                if (kv.length == 2 && (kv[0].equals("xi") || kv[0].equals("kappa"))
                        && c.acquisitionParameters().containsKey(kv[0])) {
                    c = c.withAcquisitionParameter(kv[0], Double.parseDouble(kv[1]));
                }
            }
            return c;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
