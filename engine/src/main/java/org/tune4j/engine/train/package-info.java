/**
 * Training and evaluation: {@link org.tune4j.engine.train.Trainer} (shuffled mini-batches split
 * over per-thread {@link org.tune4j.engine.train.Worker}s, gradients summed in a fixed order, one
 * {@link org.tune4j.engine.train.TrainingStep} per batch),
 * {@link org.tune4j.engine.train.Evaluator}, their configuration, listener and result records.
 *
 * <p>Not here: the layers' arithmetic ({@code layer}), update rules ({@code optim}), progress bars
 * or logging (callers attach a {@link org.tune4j.engine.train.TrainingListener}).
 */
package org.tune4j.engine.train;
