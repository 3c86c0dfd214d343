/**
 * Benchmarks of the Bayesian optimizer: {@link org.tune4j.bench.optimizer.OptimizerQualityBenchmark}
 * (a plain main: regret on test functions with known optima over many seeds) and
 * {@link org.tune4j.bench.optimizer.AskTellBenchmark} (JMH: the optimizer's own overhead per
 * ask + tell). {@link org.tune4j.bench.optimizer.GpTrace} prints one run call by call (fitted GP
 * hyper-parameters, the GP's belief at the incumbent, boundary proposals) to diagnose a stall;
 * {@code gp_minimize_port.py} beside these sources is an independent NumPy/SciPy re-implementation
 * of scikit-optimize's gp_minimize loop, the second opinion behind the regret comparison. Results
 * and commands are recorded in BENCHMARKS.md, section "Optimizer".
 */
package org.tune4j.bench.optimizer;
