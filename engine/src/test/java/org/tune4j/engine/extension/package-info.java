/**
 * A library user's extensions, registered in this test class path's {@code META-INF/services}
 * only: an activation ({@link org.tune4j.engine.extension.Softsign}), a layer with its model-file
 * type ({@link org.tune4j.engine.extension.Scale}, {@link org.tune4j.engine.extension.ScaleType})
 * and an update rule ({@link org.tune4j.engine.extension.PlainSgd}), each used by name without
 * editing the engine.
 */
package org.tune4j.engine.extension;
