package org.tune4j.tuner.study;

import java.util.Objects;
import org.tune4j.optimizer.prune.PrunerConfig;

/**
 * How a tutorial study reports and prunes, recorded in study.json ({@code "pruning"}, absent for
 * {@link #NONE}): the pruner with its parameters, and how often a training trial reports its
 * validation accuracy.
 *
 * @param pruner      the rule ({@code none}, {@code median}, ...) and its parameters
 * @param reportEvery a report every this fraction of an epoch, in (0, 1]; 1 reports after each epoch
 */
public record Pruning(PrunerConfig pruner, double reportEvery) {
    /** No pruning, no intermediate reports: the tutorial's default. */
    public static final Pruning NONE = new Pruning(PrunerConfig.none(), 1.0);

    public Pruning {
        Objects.requireNonNull(pruner, "pruner");
        if (!(reportEvery > 0 && reportEvery <= 1)) {
            throw new IllegalArgumentException("report every: expected a fraction of an epoch in (0, 1], found "
                    + reportEvery);
        }
    }

    /** Whether trials record intermediate reports: when something prunes or reports come more often than per epoch. */
    public boolean recordsReports() {
        return pruner.prunes() || reportEvery < 1;
    }

    /** Jackson's filter that leaves {@link #NONE} out of study.json (so the default study's file is unchanged). */
    public static final class OmitNone {
        @Override
        public boolean equals(Object value) {
            return value == null || NONE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
