/**
 * Model files: {@link org.tune4j.engine.io.ModelFile} saves and loads a {@link
 * org.tune4j.engine.model.Sequential} in tune4j's documented binary format (magic, version, JSON
 * architecture with optional class names, little-endian float32 weights); {@link
 * org.tune4j.engine.io.SavedModel} is a network read back with its class names. Each layer kind is
 * read back by the {@link org.tune4j.engine.io.LayerType} registered under its name (one small
 * class per kind, found with {@link java.util.ServiceLoader}), from a {@link
 * org.tune4j.engine.io.LayerConfig}; the header's JSON is read by a small bounded parser of its own.
 *
 * <p>Not here: datasets ({@code data}), training logs or study storage (the tuner's job), Java
 * serialization (never used).
 */
package org.tune4j.engine.io;
