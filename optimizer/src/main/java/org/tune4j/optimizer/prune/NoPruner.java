package org.tune4j.optimizer.prune;

import java.util.List;
import java.util.Map;

/** The pruner that never prunes: every trial runs to its end (the tutorial's default). */
public record NoPruner() implements PrunerFactory, Pruner {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public String description() {
        return "no pruning: every trial trains to the end (the default)";
    }

    @Override
    public Pruner create(Map<String, Double> parameters, long seed, int maxSteps) {
        return this;
    }

    @Override
    public PruneDecision decide(TrialReports trial, List<TrialReports> others) {
        return PruneDecision.keep();
    }
}
