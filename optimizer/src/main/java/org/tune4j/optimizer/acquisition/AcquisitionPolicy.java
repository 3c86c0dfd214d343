package org.tune4j.optimizer.acquisition;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer.Proposal;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.Surrogate;

/**
 * How the optimizer picks the next point once a surrogate is fitted: typically by maximizing one
 * acquisition function over the space ({@link #of}), or, for a portfolio such as {@link GpHedge},
 * by choosing among several functions' proposals with what earlier rounds taught it.
 *
 * <p>Life cycle: an {@link AcquisitionFactory} creates one policy per optimizer; the optimizer
 * calls {@link #propose} once per surrogate-guided ask, in ask order, from one thread. A policy
 * may keep state between rounds (it must then say so with {@link #remembersRounds}, so that an
 * optimizer rebuilt from a journal re-runs the replayed rounds through it and ends in the same
 * state); its randomness comes only from the round's generator.
 */
public interface AcquisitionPolicy {

    /**
     * What one round proposes from: the space, the surrogate fitted for this ask, the lowest value
     * observed, the points that must not be proposed (evaluated or pending), the maximizer to use
     * and this ask's random stream.
     */
    record Round(Space space, Surrogate model, double best, Set<List<Object>> excluded,
                 AcquisitionOptimizer maximizer, RandomGenerator rng) {
    }

    /** The point to evaluate next; empty when every point the maximizer scored is excluded. */
    Optional<Proposal> propose(Round round);

    /**
     * Whether a proposal depends on earlier rounds (true for GP-hedge's gains); then replaying a
     * study re-runs each replayed round through this policy. False for a plain function.
     */
    default boolean remembersRounds() {
        return false;
    }

    /** The policy that maximizes {@code function} at every round (stateless). */
    static AcquisitionPolicy of(AcquisitionFunction function) {
        return new FunctionPolicy(function);
    }
}
