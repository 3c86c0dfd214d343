/**
 * Models: {@link org.tune4j.engine.model.Sequential} (a stack of layers over one flat parameter
 * vector, with a fluent builder and a Keras-style summary) and {@link
 * org.tune4j.engine.model.NetworkSpec} (the tutorial's network family, validated).
 *
 * <p>Not here: running a model (see {@code train}), saving it (see {@code io}).
 */
package org.tune4j.engine.model;
