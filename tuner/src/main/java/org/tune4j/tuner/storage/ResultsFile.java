package org.tune4j.tuner.storage;

import java.nio.file.Path;

/** Writes {@code results.json} (see {@link ResultsDocument} for the format), atomically. */
public final class ResultsFile {
    private ResultsFile() {
    }

    public static void write(Path file, ResultsDocument results) {
        AtomicFiles.writeString(file, Json.pretty(results));
    }
}
