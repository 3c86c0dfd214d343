package org.tune4j.tuner.dashboard;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a dashboard is served. Immutable; the CLI's {@code tune4j dashboard} builds it from its options.
 *
 * @param bind     the address to listen on; default {@code 127.0.0.1} (this machine only)
 * @param port     the TCP port, 0 for any free one; default 8080
 * @param token    the secret every request must carry, if any ({@link AccessToken})
 * @param runsDir  serve every run directory in here (when {@code runDirs} is empty); default {@code runs/}
 * @param runDirs  or serve exactly these run directories
 * @param dataCache where the datasets are cached, for the plots drawn on request (the best model's test images)
 */
public record DashboardConfig(InetAddress bind, int port, Optional<String> token, Path runsDir, List<Path> runDirs,
                              Path dataCache) {
    public static final int DEFAULT_PORT = 8080;

    public DashboardConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(dataCache, "dataCache");
        runDirs = List.copyOf(runDirs);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: expected 0..65535, found " + port);
        }
        if (runDirs.isEmpty()) {
            Objects.requireNonNull(runsDir, "runsDir");
        }
        token.ifPresent(AccessToken::of);               // validates
    }

    /** True when the dashboard listens beyond this machine (anything but a loopback address). */
    public boolean exposed() {
        return !bind.isLoopbackAddress();
    }
}
