package org.tune4j.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tune4j.optimizer.surrogate.Surrogate;

/**
 * The last surrogate fit of the complete trials (past the {@link RefitSchedule}'s refit size the
 * scheduled fit on the first {@code fittedOn(n)} of them), kept across optimizers that are rebuilt
 * from the same trials: a worker of a shared study rebuilds its optimizer from the database at
 * every ask, and without the memo refits the same hyper-parameters at every one (hundreds of
 * milliseconds at 1,000 observations) where a live optimizer refits every {@code step}; and it can
 * fit before it knows the pending points ({@link Optimizer#forWorker}).
 *
 * <p>Exact: a fit depends only on the configuration, the observations (in order) and its random
 * stream; the memo hands a fit back only for the same configuration object, stream and
 * observations equal value for value, so an optimizer with a memo proposes exactly what one
 * without would. Surrogates are not changed by use (conditioning returns a new
 * one), so the same fit may serve several optimizers one after the other.
 *
 * <p>Life cycle: one per worker, passed to each {@link Optimizer} it builds; not thread-safe.
 */
public final class FitMemo {
    private OptimizerConfig config;
    private String stream;
    private int index;
    private List<double[]> xs = List.of();
    private List<Double> ys = List.of();
    private Surrogate fitted;
    private int hits;

    /** The fit recorded for exactly these observations and configuration, if it is the last one recorded. */
    Optional<Surrogate> get(OptimizerConfig config, String stream, int index, List<double[]> xs, List<Double> ys) {
        if (fitted == null || config != this.config || !stream.equals(this.stream) || index != this.index
                || !ys.equals(this.ys) || xs.size() != this.xs.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < xs.size(); i++) {
            if (!Arrays.equals(xs.get(i), this.xs.get(i))) {
                return Optional.empty();
            }
        }
        hits++;
        return Optional.of(fitted);
    }

    /** Records a fit on these observations (replacing the one recorded before). */
    void put(OptimizerConfig config, String stream, int index, List<double[]> xs, List<Double> ys, Surrogate fitted) {
        this.config = config;
        this.stream = stream;
        this.index = index;
        List<double[]> copies = new ArrayList<>(xs.size());
        xs.forEach(x -> copies.add(x.clone()));
        this.xs = copies;
        this.ys = List.copyOf(ys);
        this.fitted = fitted;
    }

    /** How many fits were handed back instead of refitted. */
    public int hits() {
        return hits;
    }
}
