package org.tune4j.tuner.userext;

import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.prune.PruneDecision;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.optimizer.prune.PrunerFactory;
import org.tune4j.optimizer.prune.TrialReports;

/**
 * A user's own pruner, registered by one line in the test-scope
 * {@code META-INF/services/org.tune4j.optimizer.prune.PrunerFactory}: it stops any trial whose
 * latest report is above {@code ceiling}, whatever the other trials did.
 */
public record CeilingPruner() implements PrunerFactory {
    static final Parameter CEILING = Parameter.nonNegative("ceiling", 1, "stop a trial reporting more than this");

    @Override
    public String name() {
        return "ceiling";
    }

    @Override
    public String description() {
        return "stop any trial whose latest report is above the ceiling (a test extension)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(CEILING);
    }

    @Override
    public Pruner create(Map<String, Double> parameters, long seed, int maxSteps) {
        double ceiling = parameters.get(CEILING.name());
        return (TrialReports trial, List<TrialReports> others) ->
                PruneDecision.compare(trial.at(trial.lastStep()), "ceiling", ceiling, 0);
    }
}
