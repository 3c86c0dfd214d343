package org.tune4j.optimizer.prune;

import java.util.List;

/**
 * A rule that decides whether a running trial should stop after an intermediate report.
 *
 * <p>Life cycle: a {@link PrunerFactory} creates one pruner per study (from its parameters, the
 * study's seed and the steps of a full trial). The study then calls {@link #decide} after each
 * intermediate report of each trial, except a trial's final one (a trial that reaches it
 * completes), passing that trial's reports so far (its latest one last) and every other trial of
 * the study with its reports and state, running ones included. A pruner keeps no state between
 * calls: the decision is a function of the arguments (and the seed), so a study resumed from its
 * journal, or several workers sharing one, get the same decisions without replaying anything, and
 * a decision never waits for another trial (asynchronous).
 *
 * <p>Values are minimized, as the optimizer's objective is: the tutorial reports minus the
 * validation accuracy.
 */
public interface Pruner {

    /**
     * The verdict on {@code trial}'s latest report.
     *
     * @param trial  the running trial (state pending), its latest report at {@link TrialReports#lastStep()}
     * @param others the study's other trials, any state, in any order
     */
    PruneDecision decide(TrialReports trial, List<TrialReports> others);
}
