package org.tune4j.optimizer;

/** Which acquisition function chooses among the surrogate's predictions. */
public enum AcquisitionKind {
    /** Expected improvement with margin xi. */
    EI,
    /** Probability of improvement with margin xi. */
    PI,
    /** Lower confidence bound with kappa. */
    LCB,
    /** GP-hedge portfolio over EI, LCB and PI. */
    HEDGE
}
