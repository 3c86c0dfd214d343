package org.tune4j.tuner.storage;

import java.nio.file.Path;

/** Writes {@code results.json} (see {@link ResultsDocument} for the format), atomically. */
public final class ResultsFile {
    /** File name inside a run directory. */
    public static final String FILE_NAME = "results.json";

    private ResultsFile() {
    }

    public static void write(Path file, ResultsDocument results) {
        AtomicFiles.writeString(file, Json.pretty(results));
    }
}
