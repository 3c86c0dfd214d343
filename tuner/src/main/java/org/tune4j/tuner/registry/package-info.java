/**
 * Extension points found by name: {@link org.tune4j.tuner.registry.Registry} looks up the
 * implementations that {@link java.util.ServiceLoader} finds on the class path (built-ins and a
 * user's own, each registered by one line in a {@code META-INF/services} file), under the names the
 * command line, space files and {@code study.json} use. It is not a place for study logic.
 */
package org.tune4j.tuner.registry;
