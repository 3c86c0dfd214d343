package org.tune4j.tuner.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tune4j.tuner.dashboard.DashboardConfig;
import org.tune4j.tuner.dashboard.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j dashboard}: serves the studies of a runs directory (or the run directories given)
 * in the browser, live, until Ctrl-C ({@code dashboard.DashboardServer}). Read-only; listens on
 * 127.0.0.1 unless told otherwise, and warns when told otherwise.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Show studies in the browser as they run (read-only; until Ctrl-C).",
                "Studies page: state, trials of the budget, best value and parameters, elapsed and time left. "
                        + "Study page: sortable trials, convergence, learning curves of chosen trials overlaid, the report's plots."})
final class DashboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: 8080; 0 picks a free one).")
    int port = DashboardConfig.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: 127.0.0.1, this machine only; another one is warned about).")
    String bind = "127.0.0.1";

    @Option(names = "--token", paramLabel = "SECRET",
            description = "Require this secret on every request (?token=SECRET or header X-Tune4j-Token).")
    String token;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "Serve every run directory in DIR (default: <tune4j home>/runs).")
    Path runsDir;

    @Option(names = "--storage", paramLabel = "URL", hidden = true)
    String storage;

    @Parameters(paramLabel = "RUN_DIR", arity = "0..*", description = "Serve these run directories instead of a runs directory.")
    List<Path> runDirs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DashboardServer server = DashboardServer.start(config(), Clock.systemUTC(), System.err::println);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dashboard-stop"));
        System.out.println("Dashboard of " + server.description() + ": " + server.url() + " (Ctrl-C to stop)");
        System.out.flush();
        new CountDownLatch(1).await();                 // serves until the JVM is stopped
        return 0;
    }

    private DashboardConfig config() {
        if (storage != null) {
            throw new ParameterException(spec.commandLine(), "--storage " + storage + ": not supported yet (studies in "
                    + "a database come with the scale-out work); give run directories or --runs-dir");
        }
        if (runsDir != null && !runDirs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give either RUN_DIR... or --runs-dir, not both");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port: expected 0..65535, found " + port);
        }
        if (token != null && token.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--token: expected a non-blank secret");
        }
        InetAddress address = address();
        DashboardConfig config = new DashboardConfig(address, port, Optional.ofNullable(token),
                runsDir == null ? Home.runsDir() : runsDir, runDirs, Home.cacheDir());
        if (config.exposed()) {
            System.err.println("tune4j: warning: --bind " + bind + " serves the dashboard beyond this machine: anyone who "
                    + "can reach it sees your studies" + (token == null ? "; consider --token SECRET" : ""));
        }
        return config;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: expected an IP address or host name of this "
                    + "machine, found '" + bind + "'");
        }
    }
}
