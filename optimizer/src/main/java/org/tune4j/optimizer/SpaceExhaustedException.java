package org.tune4j.optimizer;

/** Every point of a finite search space has been evaluated (or is pending): nothing new to propose. */
public final class SpaceExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public SpaceExhaustedException(long cardinality) {
        super("search space exhausted: all " + cardinality
                + " points have been evaluated or are pending; nothing new to propose");
    }
}
