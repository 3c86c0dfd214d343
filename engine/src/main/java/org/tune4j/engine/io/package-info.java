/**
 * Model files: {@link org.tune4j.engine.io.ModelFile} saves and loads a {@link
 * org.tune4j.engine.model.Sequential} in tune4j's documented binary format (magic, version, JSON
 * architecture, little-endian float32 weights).
 *
 * <p>Not here: datasets ({@code data}), training logs or study storage (the tuner's job), Java
 * serialization (never used).
 */
package org.tune4j.engine.io;
