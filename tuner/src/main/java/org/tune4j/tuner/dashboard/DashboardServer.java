package org.tune4j.tuner.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A running dashboard: the JDK's {@link HttpServer} with one {@link DashboardHandler} on a small
 * pool of daemon threads. Life cycle: {@link #start} listens at once (a port in use is an
 * {@link IllegalArgumentException} naming it); {@link #url()} is the address to open (with the
 * token, when one is set); {@link #close()} stops listening and the threads.
 */
public final class DashboardServer implements AutoCloseable {
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService pool;
    private final PlotDrawer drawer;
    private final String description;
    private final URI url;

    private DashboardServer(HttpServer server, ExecutorService pool, PlotDrawer drawer, String description, URI url) {
        this.server = server;
        this.pool = pool;
        this.drawer = drawer;
        this.description = description;
        this.url = url;
    }

    /**
     * Checks the bundled files, finds the studies and starts listening.
     *
     * @param log receives one line per request that failed unexpectedly
     */
    public static DashboardServer start(DashboardConfig config, Clock clock, Consumer<String> log) {
        Assets assets = Assets.load();
        ServedStudies studies = config.runDirs().isEmpty()
                ? ServedStudies.inRunsDir(config.runsDir(), clock) : ServedStudies.of(config.runDirs(), clock);
        AccessToken token = config.token().map(AccessToken::of).orElse(AccessToken.none());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 16);
        } catch (BindException e) {
            throw new IllegalArgumentException("--port " + config.port() + " / --bind " + config.bind().getHostAddress()
                    + ": cannot listen there (" + e.getMessage() + "); choose another --port (0 picks a free one)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the dashboard's server: " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        PlotDrawer drawer = new PlotDrawer(config.dataCache(), log);
        server.createContext("/", new DashboardHandler(new Routes(studies, assets, drawer),
                config.exposed() ? HostCheck.any() : HostCheck.loopback(), token, log));
        server.start();
        pool.execute(() -> prime(studies, log));
        int port = server.getAddress().getPort();
        String host = config.bind().isAnyLocalAddress() ? "127.0.0.1" : config.bind().getHostAddress();
        if (config.bind() instanceof Inet6Address && !config.bind().isAnyLocalAddress()) {
            host = "[" + host + "]";
        }
        String query = config.token().map(t -> "?" + AccessToken.QUERY_PARAMETER + "="
                + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
        return new DashboardServer(server, pool, drawer, studies.describe(), URI.create("http://" + host + ":" + port + "/" + query));
    }

    /** Reads every study's journal (and writes its JSON once) while the browser is on its way, so the first page opens fast. */
    private static void prime(ServedStudies studies, Consumer<String> log) {
        try {
            studies.all().forEach(w -> SafeJson.bytes(StudyJson.detail(w.snapshot())));
        } catch (RuntimeException e) {
            log.accept("dashboard: reading the studies ahead failed (" + e.getMessage() + "); they are read on request");
        }
    }

    /** The address of the studies page, with the token when one is required. */
    public URI url() {
        return url;
    }

    /** The port listened on (the one chosen when the config said 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** What is served, for the start-up line. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        drawer.close();
    }
}
