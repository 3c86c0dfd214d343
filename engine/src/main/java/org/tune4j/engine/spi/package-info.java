/**
 * How the engine finds its extensions by name ({@link org.tune4j.engine.spi.Providers}, over
 * {@link java.util.ServiceLoader}): activations, layer types of model files, gradient optimizers
 * and datasets are each one class plus one line in {@code META-INF/services}.
 *
 * <p>Not the extension points themselves (they live with their feature: {@code layer}, {@code optim},
 * {@code data}) and not the CLI's lookup (the tuner's {@code Registry}).
 */
package org.tune4j.engine.spi;
