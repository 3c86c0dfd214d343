package org.tune4j.optimizer.space;

/** How values are distributed, and therefore how they are laid out in the unit interval. */
public enum Prior {
    /** Uniform in the value itself: the unit interval is linear in the value. */
    UNIFORM,
    /** Uniform in log10 of the value: the unit interval is linear in the logarithm; needs low > 0. */
    LOG_UNIFORM
}
