package org.tune4j.e2e;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Finds headless Chromium for the browser tests (Debian's package {@code chromium}, which
 * {@code .ci/run} installs). When there is none: a clear failure under {@code CI=true}, and
 * elsewhere a skip that says what to install, so that {@code ./mvnw verify} works with only a JDK.
 */
final class Chromium {
    private Chromium() {
    }

    /**
     * The chromium executable on PATH.
     *
     * @param test    the test class that needs it, named in the skip message
     * @param purpose what the browser checks, for the messages ("report.html", "the dashboard")
     */
    static Path find(Class<?> test, String purpose) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String missing = "headless Chromium is required to check " + purpose + " in a real browser, but neither chromium"
                + " nor chromium-browser is on the PATH (" + path + "). Install Debian's package: apt-get install -y"
                + " chromium (.ci/run does this).";
        if ("true".equals(System.getenv("CI"))) {
            return fail(missing);
        }
        System.err.println(test.getSimpleName() + " skipped: " + missing);
        Assumptions.abort(missing);
        return null;
    }
}
