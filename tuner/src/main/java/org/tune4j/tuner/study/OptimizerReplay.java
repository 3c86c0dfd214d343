package org.tune4j.tuner.study;

import java.util.List;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * Rebuilds an {@link Optimizer} from a journal's finished trials. The optimizer's n-th ask
 * depends only on its seed, n and the observations, so telling the same trials in the same order
 * makes a fresh optimizer propose exactly what the interrupted one would have.
 *
 * <p>The first {@code givenPoints} trials were given points (the tutorial's x0), told without
 * being asked; every later one was asked, so it is replayed as such (it counts toward the initial
 * design). A trial with a value is told that value (a failed training trial's penalty included);
 * one without is told as failed.
 *
 * <p>A pruned trial is told its last intermediate value (its record's value: in the tutorial minus
 * the validation accuracy when it was stopped), as a complete one would be. That value is what
 * the trial had shown when the pruner judged it hopeless, so the surrogate learns that the region
 * is poor without being told a made-up penalty, and the point is never proposed again; it is
 * pessimistic for a trial pruned late (its accuracy would still have risen). Telling nothing
 * instead would let the acquisition function come back to the same hopeless region. This is
 * {@link org.tune4j.optimizer.prune.PrunedTrialValue#LAST}, chosen by measurement: bench's
 * {@code PrunedValueSuite} (BENCHMARKS.md, "What the surrogate is told about a pruned trial")
 * found telling nothing 2-10x worse and a learning-curve extrapolation no better overall.
 */
public final class OptimizerReplay {
    private OptimizerReplay() {
    }

    public static Optimizer rebuild(Space space, OptimizerConfig config, int givenPoints, List<TrialRecord> finished) {
        return rebuild(new Optimizer(space, config), givenPoints, finished);
    }

    /** As above, into a fresh optimizer built by the caller (another refit schedule, a fit memo). */
    public static Optimizer rebuild(Optimizer optimizer, int givenPoints, List<TrialRecord> finished) {
        Space space = optimizer.space();
        for (TrialRecord t : finished) {
            List<Object> x = space.fromMap(t.params());
            boolean given = t.number() <= givenPoints;
            if (t.value() != null) {
                if (given) {
                    optimizer.tell(x, t.value());
                } else {
                    optimizer.replay(x, t.value());
                }
            } else if (given) {
                optimizer.tellFailed(x);
            } else {
                optimizer.replayFailed(x);
            }
        }
        return optimizer;
    }

    /** Tells one just-evaluated trial to a live optimizer, as {@link #rebuild} would replay it. */
    public static void tell(Optimizer optimizer, List<Object> x, TrialRecord trial) {
        if (trial.value() != null) {
            optimizer.tell(x, trial.value());
        } else {
            optimizer.tellFailed(x);
        }
    }
}
