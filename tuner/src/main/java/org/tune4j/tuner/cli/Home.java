package org.tune4j.tuner.cli;

import java.nio.file.Path;

/**
 * The directories tune4j uses by default, from the {@code tune4j.home} system property that the
 * {@code ./tune4j} launcher sets to the repository root (the working directory when absent).
 * Read here, at the edge, and nowhere else.
 */
final class Home {
    private Home() {
    }

    static Path root() {
        String home = System.getProperty("tune4j.home");
        return Path.of(home == null || home.isBlank() ? "." : home);
    }

    /** {@code <home>/data/cache}: downloaded data sets. */
    static Path cacheDir() {
        return root().resolve("data").resolve("cache");
    }

    /** {@code <home>/runs}: study run directories. */
    static Path runsDir() {
        return root().resolve("runs");
    }
}
