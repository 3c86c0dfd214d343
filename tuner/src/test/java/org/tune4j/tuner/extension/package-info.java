/**
 * A library user's extensions of the tuner, registered in this test class path's
 * {@code META-INF/services} only: a dataset ({@link org.tune4j.tuner.extension.Stripes}) trained on
 * through the CLI by its name.
 */
package org.tune4j.tuner.extension;
