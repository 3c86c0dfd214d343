package org.tune4j.bench.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.numeric.RandomStreams;
import org.tune4j.optimizer.prune.PercentilePruner;
import org.tune4j.optimizer.prune.PruneDecision;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.optimizer.prune.PrunedTrialValue;
import org.tune4j.optimizer.prune.SuccessiveHalvingPruner;
import org.tune4j.optimizer.prune.TrialReports;
import org.tune4j.optimizer.space.Space;

/**
 * Issue 14's question "what is the surrogate told about a pruned trial?", measured: sequential
 * studies of 40 calls (10 initial points, gp_minimize's defaults with EI) on test functions whose
 * trials have known learning curves, each trial reporting at steps 1..12, pruned by ASHA
 * (eta 3, rungs deciding at 1 and 3) or the median rule (5 startup trials), and the pruned trial
 * told {@link PrunedTrialValue#LAST}, {@link PrunedTrialValue#FAILED} or
 * {@link PrunedTrialValue#EXTRAPOLATED}; the unpruned study as the reference. Printed per problem:
 * median regret of the best complete trial after 40 calls (with quartiles) and the mean cost, the
 * steps trained over 40 x 12.
 *
 * <p>The curves (a stand-in for validation loss against epochs): trial x with final value f(x)
 * starts at W (the problem's 90th percentile of f, "chance") and approaches f(x) at a speed k(x)
 * set by its first coordinate (a learning rate): with u the first coordinate in [0, 1],
 * k = 0.5 * 16^u (0.5 .. 8),
 * <pre>
 *   v(s) = f + (W - f) * (exp(-k s / 12) - exp(-k)) / (1 - exp(-k)) + noise,   s = 1 .. 12
 * </pre>
 * so v(12) = f, fast learners look good early and slow good ones look poor (the case that makes the
 * choice matter); noise N(0, (0.02 (W - f*))^2) on every report but the last.
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.tune4j.bench.optimizer.PrunedValueSuite [seeds]
 * </pre>
 */
public final class PrunedValueSuite {
    static final int CALLS = 40;
    static final int STEPS = 12;

    private PrunedValueSuite() {
    }

    /** One pruner and policy; policy null means no pruning. */
    private record Arm(String name, PrunerConfig pruner, PrunedTrialValue policy) {
    }

    /** What one study found and spent. */
    record Outcome(double regret, double cost) {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        PrunerConfig asha = new PrunerConfig(new SuccessiveHalvingPruner.Factory(), Map.of());
        PrunerConfig median = new PrunerConfig(new PercentilePruner.Median(), Map.of());
        List<Arm> arms = new ArrayList<>();
        arms.add(new Arm("none", PrunerConfig.none(), null));
        for (PrunerConfig p : List.of(asha, median)) {
            for (PrunedTrialValue v : PrunedTrialValue.values()) {
                arms.add(new Arm(p.pruner().name() + " + " + v.name().toLowerCase(Locale.ROOT), p, v));
            }
        }
        System.out.printf(Locale.ROOT, "%d calls, %d steps, seeds 0..%d%n%n", CALLS, STEPS, seeds - 1);
        System.out.println("| problem | pruner + told | median regret | quartiles | mean cost |");
        System.out.println("|---|---|---|---|---|");
        for (TestProblem problem : List.of(TestProblem.branin(), TestProblem.hartmann6(), TestProblem.ackley(4, 5))) {
            double worst = percentile90(problem);
            for (Arm arm : arms) {
                double[] regrets = new double[seeds];
                double cost = 0;
                for (int seed = 0; seed < seeds; seed++) {
                    Outcome o = study(problem, worst, arm, seed);
                    regrets[seed] = o.regret();
                    cost += o.cost() / seeds;
                }
                Arrays.sort(regrets);
                System.out.printf(Locale.ROOT, "| %s | %s | %.4g | %.4g - %.4g | %.2f |%n", problem.name(), arm.name(),
                        quantile(regrets, 0.5), quantile(regrets, 0.25), quantile(regrets, 0.75), cost);
            }
        }
    }

    /** One sequential study: ask, report the curve step by step, prune or finish, tell. */
    static Outcome study(TestProblem problem, double worst, Arm arm, long seed) {
        Optimizer optimizer = new Optimizer(problem.space(), OptimizerConfig.defaults().withInitialPoints(10)
                .withSeed(seed));
        Pruner pruner = arm.pruner().create(seed, STEPS);
        List<TrialReports> done = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        long steps = 0;
        for (int n = 1; n <= CALLS; n++) {
            List<Object> x = optimizer.ask();
            double f = value(problem, x);
            double k = 0.5 * Math.pow(16, unitFirstCoordinate(problem.space(), x));
            RandomGenerator noise = RandomStreams.of(seed, "curve-noise", n);
            double scale = 0.02 * (worst - problem.minimum());
            Map<Integer, Double> reports = new TreeMap<>();
            boolean pruned = false;
            for (int s = 1; s <= STEPS; s++) {
                double g = (Math.exp(-k * s / STEPS) - Math.exp(-k)) / (1 - Math.exp(-k));
                double v = f + (worst - f) * g + (s < STEPS ? scale * noise.nextGaussian() : 0);
                reports.put(s, v);
                steps++;
                if (s < STEPS) {
                    PruneDecision d = pruner.decide(TrialReports.of(n, TrialState.PENDING, reports), done);
                    if (d.prune()) {
                        pruned = true;
                        break;
                    }
                }
            }
            TrialReports trial = TrialReports.of(n, pruned ? TrialState.PRUNED : TrialState.COMPLETE, reports);
            if (pruned) {
                double told = arm.policy().told(trial, done);
                if (Double.isNaN(told)) {
                    optimizer.tellFailed(x);
                } else {
                    optimizer.tell(x, told);
                }
            } else {
                optimizer.tell(x, f);
                best = Math.min(best, f);
            }
            done.add(trial);
        }
        return new Outcome(best - problem.minimum(), steps / (double) (CALLS * STEPS));
    }

    private static double value(TestProblem problem, List<Object> x) {
        try {
            return problem.objective().evaluate(x);
        } catch (Exception e) {
            throw new IllegalStateException(problem.name() + ": " + e.getMessage(), e);
        }
    }

    private static double unitFirstCoordinate(Space space, List<Object> x) {
        double[] unit = new double[space.unitWidth()];
        space.dimension(0).toUnit(x.get(0), unit, 0);
        return unit[0];
    }

    /** The 90th percentile of f over 10,000 uniform points (seeded): the curves' starting value. */
    static double percentile90(TestProblem problem) {
        RandomGenerator rng = RandomStreams.of(90, "chance-level", 0);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(problem, problem.space().sample(rng));
        }
        Arrays.sort(values);
        return quantile(values, 0.9);
    }

    /** Linear interpolation between order statistics (NumPy's default percentile). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
