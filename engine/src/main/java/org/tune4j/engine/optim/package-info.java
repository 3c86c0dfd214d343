/**
 * Gradient-based update rules over a flat parameter vector: {@link
 * org.tune4j.engine.optim.Adam} and {@link org.tune4j.engine.optim.SgdMomentum} behind {@link
 * org.tune4j.engine.optim.GradientOptimizer}, each found by name through its {@link
 * org.tune4j.engine.optim.GradientOptimizerFactory} ("adam", "sgd").
 *
 * <p>Not the hyper-parameter optimizer (that is the {@code optimizer} module); not learning-rate
 * schedules or gradient computation.
 */
package org.tune4j.engine.optim;
