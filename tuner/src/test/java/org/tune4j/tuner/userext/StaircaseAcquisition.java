package org.tune4j.tuner.userext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer.Proposal;
import org.tune4j.optimizer.acquisition.AcquisitionPolicy;

/**
 * A library user's own acquisition function, registered only on the test class path (one line in
 * {@code src/test/resources/META-INF/services/org.tune4j.optimizer.acquisition.AcquisitionFactory}):
 * on a space of two integer dimensions it proposes {@code [100, 100 - used - offset]}, where
 * {@code used} counts the evaluated and pending points, so its proposals are recognizable.
 */
public record StaircaseAcquisition() implements AcquisitionFactory {
    static final Parameter OFFSET = Parameter.integerAtLeast("offset", 0, 0, "how far below the top step to start");

    @Override
    public String name() {
        return "staircase";
    }

    @Override
    public String description() {
        return "a test function: [100, 100 - used points - offset]";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(OFFSET);
    }

    @Override
    public AcquisitionPolicy create(Map<String, Double> parameters) {
        int offset = (int) Math.round(parameters.get(OFFSET.name()));
        return round -> {
            List<Object> x = List.of(100, 100 - round.excluded().size() - offset);
            return Optional.of(new Proposal(x, round.space().toUnit(x), 0));
        };
    }
}
