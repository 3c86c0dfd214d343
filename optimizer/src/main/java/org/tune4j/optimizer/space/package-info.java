/**
 * Typed search spaces: real, integer and categorical dimensions, each owning its prior, its
 * sampling, its validation and its encoding in the unit interval, and the {@link
 * org.tune4j.optimizer.space.Space} that strings them together (after scikit-optimize's
 * {@code space.py}).
 *
 * <p>A point is a {@code List<Object>} in dimension order: {@code Double} for real,
 * {@code Integer} for integer and {@code String} for categorical dimensions. Surrogates only ever
 * see the unit-cube encoding given by {@link org.tune4j.optimizer.space.Space#toUnit}.
 *
 * <p>Not here: reading space files (JSON belongs to the tuner), conditional spaces.
 */
package org.tune4j.optimizer.space;
