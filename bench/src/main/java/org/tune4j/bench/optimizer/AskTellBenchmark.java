package org.tune4j.bench.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tune4j.engine.spi.Providers;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.surrogate.SurrogateFactory;

/**
 * The optimizer's own overhead: the time of one {@code ask()} + {@code tell()} once
 * {@code observations} points of Hartmann-6 (6 dimensions) are known, with gp_minimize's defaults
 * (GP refitted with 2 restarts, EI over 10,000 candidates refined from the best 5). Targets from
 * the issues: under 0.1 s after 100 observations and under 0.3 s after 200 (issue 4), under 0.5 s
 * after 1,000 (issue 16). Past 200 observations the optimizer's {@code RefitSchedule} applies
 * (hyper-parameters fitted on a random 200, refitted every 20 observations, candidates scaled
 * down as 200/n).
 *
 * <p>Each invocation gets a fresh optimizer replayed with the same observations (setup, not
 * measured), so every measured ask does the same work: past 200 observations that is the
 * expensive ask of the schedule, a refit (the 19 asks after it only condition the fitted GP).
 *
 * <p>How to run (after {@code ./mvnw -B -pl engine,optimizer,bench -am -DskipTests package}):
 * <pre>
 * java -jar bench/target/benchmarks.jar AskTellBenchmark -rf json -rff asktell.json
 * java -jar bench/target/benchmarks.jar AskTellBenchmark -p observations=200 -p surrogate=gp -p freshOptimizerPer=invocation
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AskTellBenchmark {

    @Param({"100", "200", "500", "1000", "2000"})
    int observations;

    @Param({"gp", "extra-trees"})
    String surrogate;

    /**
     * "invocation": every measured ask gets a fresh optimizer replayed with the observations, so
     * past 200 it is the schedule's refit ask (the worst case); "iteration": one optimizer per
     * measurement iteration, whose asks follow each other, refits at their natural rate of one in
     * 20 included (the amortized cost; n grows by the asks of the iteration, a few dozen).
     */
    @Param({"invocation", "iteration"})
    String freshOptimizerPer;

    private final TestProblem problem = TestProblem.hartmann6();
    private final List<List<Object>> xs = new ArrayList<>();
    private final List<Double> ys = new ArrayList<>();
    private Optimizer optimizer;

    @Setup(Level.Trial)
    public void observations() throws Exception {
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < observations; i++) {
            List<Object> x = problem.space().sample(rng);
            xs.add(x);
            ys.add(problem.objective().evaluate(x));
        }
    }

    @Setup(Level.Invocation) // replaying 2,000 points is cheap: tell does no fitting
    public void freshOptimizerPerInvocation() {
        if (freshOptimizerPer.equals("invocation")) {
            freshOptimizer();
        }
    }

    @Setup(Level.Iteration)
    public void freshOptimizerPerIteration() {
        if (freshOptimizerPer.equals("iteration")) {
            freshOptimizer();
        }
    }

    private void freshOptimizer() {
        OptimizerConfig config = OptimizerConfig.defaults()
                .withSurrogate(Providers.byName(SurrogateFactory.class, "surrogate", SurrogateFactory::name, surrogate));
        optimizer = new Optimizer(problem.space(), config);
        for (int i = 0; i < observations; i++) {
            optimizer.replay(xs.get(i), ys.get(i)); // replayed asks: the initial design is already spent
        }
    }

    @Benchmark
    public List<Object> askAndTell() throws Exception {
        List<Object> x = optimizer.ask();
        optimizer.tell(x, problem.objective().evaluate(x));
        return x;
    }
}
