/**
 * Pruners: rules that stop a hopeless trial early from its intermediate reports (a validation
 * accuracy after a quarter of an epoch, an objective's running value) compared with the other
 * trials' reports at the same step. {@link org.tune4j.optimizer.prune.Pruner} is the rule,
 * {@link org.tune4j.optimizer.prune.PrunerFactory} the extension point (found by name with
 * {@link java.util.ServiceLoader}: none, median, percentile, asha, hyperband), and
 * {@link org.tune4j.optimizer.prune.PrunerConfig} the settings.
 *
 * <p>Every rule is a pure function of the reports recorded so far: asynchronous (a decision
 * never waits for other trials, so parallel workers can share it) and deterministic for a seed.
 * Not here: training, how reports are produced or stored, what the surrogate is told about a
 * pruned trial (the tuner decides that).
 */
package org.tune4j.optimizer.prune;
