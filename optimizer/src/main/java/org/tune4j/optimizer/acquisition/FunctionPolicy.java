package org.tune4j.optimizer.acquisition;

import java.util.Objects;
import java.util.Optional;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer.Proposal;

/**
 * The generic adapter from a pure acquisition function to a policy: every round proposes the
 * function's maximizer ({@link AcquisitionOptimizer#maximize}). Stateless.
 */
record FunctionPolicy(AcquisitionFunction function) implements AcquisitionPolicy {
    FunctionPolicy {
        Objects.requireNonNull(function, "function");
    }

    @Override
    public Optional<Proposal> propose(Round r) {
        return r.maximizer().maximize(r.space(), r.model(), function, r.best(), r.excluded(), r.rng());
    }
}
