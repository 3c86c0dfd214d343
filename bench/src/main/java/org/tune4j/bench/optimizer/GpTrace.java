package org.tune4j.bench.optimizer;

import java.util.List;
import java.util.Locale;
import org.tune4j.engine.spi.Providers;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.surrogate.GaussianProcess;
import org.tune4j.optimizer.surrogate.Prediction;

/**
 * Traces one gp_minimize-like run (GP, default settings, 50 calls) call by call, to see why a
 * run stalls: the value of each proposal and whether it lies on the boundary of the unit cube,
 * the fitted hyper-parameters (amplitude c, length scales l, white noise s², in normalized target
 * units) and what the GP believes at the incumbent (mean and std there, against the value
 * observed). Not a benchmark: a diagnostic print, one line per GP-chosen call.
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.tune4j.bench.optimizer.GpTrace Ackley-4 EI 0
 * </pre>
 * Arguments: problem name (as in {@link OptimizerQualityBenchmark}), acquisition (EI, PI, LCB,
 * HEDGE), seed.
 */
public final class GpTrace {
    private static final int CALLS = 50;

    private GpTrace() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("GpTrace: expected 3 arguments (problem acquisition seed), found "
                    + args.length);
        }
        TestProblem problem = TestProblem.all().stream().filter(p -> p.name().equalsIgnoreCase(args[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("GpTrace: unknown problem '" + args[0]
                        + "', expected one of " + TestProblem.all().stream().map(TestProblem::name).toList()));
        OptimizerConfig config = OptimizerConfig.defaults()
                .withAcquisition(Providers.byName(AcquisitionFactory.class, "acquisition function", AcquisitionFactory::name, args[1]))
                .withSeed(Long.parseLong(args[2]));
        Optimizer optimizer = new Optimizer(problem.space(), config);
        double best = Double.POSITIVE_INFINITY;
        double[] incumbent = null; // unit encoding of the best point so far
        System.out.println("call  value     best      boundary  c      noise    mean@best std@best  length scales");
        for (int call = 1; call <= CALLS; call++) {
            List<Object> x = optimizer.ask();
            double y = problem.objective().evaluate(x);
            optimizer.tell(x, y);
            double[] unit = problem.space().toUnit(x);
            if (y < best) {
                best = y;
                incumbent = unit;
            }
            if (call <= config.initialPoints()) {
                continue;
            }
            GaussianProcess gp = (GaussianProcess) optimizer.surrogate().orElseThrow();
            Prediction atBest = gp.predict(incumbent);
            System.out.printf(Locale.ROOT, "%4d  %-8.4g  %-8.4g  %-8s  %-5.3f  %-7.2g  %-9.4g %-8.3g  %s%n", call,
                    y - problem.minimum(), best - problem.minimum(), onBoundary(unit) ? "yes" : "no",
                    gp.kernel().amplitude(), gp.noise(), atBest.mean() - problem.minimum(), atBest.std(),
                    formatted(gp.kernel().lengthScales()));
        }
    }

    /** True when some coordinate sits on a face of the unit cube. */
    static boolean onBoundary(double[] unit) {
        for (double u : unit) {
            if (u <= 1e-9 || u >= 1 - 1e-9) {
                return true;
            }
        }
        return false;
    }

    private static String formatted(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%.3g ", v));
        }
        return sb.toString().trim();
    }
}
