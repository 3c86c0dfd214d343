/**
 * Shapes of the float32 activations that flow between layers.
 *
 * <p>Data itself lives in plain row-major {@code float[]} arrays in NCHW order, owned by whoever
 * computes with them (a training worker). This package is not a tensor library: it has no
 * operations, broadcasting or views.
 */
package org.tune4j.engine.tensor;
