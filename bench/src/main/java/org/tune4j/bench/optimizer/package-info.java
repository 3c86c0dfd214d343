/**
 * Benchmarks of the Bayesian optimizer: {@link org.tune4j.bench.optimizer.OptimizerQualityBenchmark}
 * (a plain main: regret on test functions with known optima over many seeds) and
 * {@link org.tune4j.bench.optimizer.AskTellBenchmark} (JMH: the optimizer's own overhead per
 * ask + tell). Results and commands are recorded in BENCHMARKS.md, section "Optimizer".
 */
package org.tune4j.bench.optimizer;
