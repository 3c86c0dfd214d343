package org.tune4j.optimizer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tune4j.optimizer.space.Space;

/**
 * A snapshot of an optimization: every told trial in call order, the space and config (which
 * holds the seed), and why a {@link Minimizer} run stopped (empty while
 * running or when it used all its calls).
 */
public record OptimizeResult(Space space, OptimizerConfig config, List<Trial> trials, Optional<String> stopReason) {

    public OptimizeResult {
        trials = List.copyOf(trials);
    }

    /** The complete trial with the lowest value (the first on ties); empty when none completed. */
    public Optional<Trial> best() {
        return trials.stream().filter(Trial::isComplete).min(Comparator.comparingDouble(Trial::value));
    }

    public long seed() {
        return config.seed();
    }

    /** Best value among the first i + 1 trials, for every i (NaN before the first complete trial). */
    public double[] bestSoFar() {
        double[] out = new double[trials.size()];
        double best = Double.NaN;
        for (int i = 0; i < out.length; i++) {
            Trial t = trials.get(i);
            if (t.isComplete() && !(t.value() >= best)) {
                best = t.value();
            }
            out[i] = best;
        }
        return out;
    }

    OptimizeResult withStopReason(String reason) {
        return new OptimizeResult(space, config, trials, Optional.of(reason));
    }
}
