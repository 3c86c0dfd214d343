package org.tune4j.tuner.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tune4j.tuner.report.ReportOptions;
import org.tune4j.tuner.report.ReportWriter;
import org.tune4j.tuner.storage.RunLayout;

/**
 * The report's plots of a study that has none yet (running, or interrupted before its report),
 * drawn on request by the report's own code ({@code report.ReportWriter}), never in the run
 * directory: the study's {@code results.json}, {@code study.json} and {@code best-model.t4j} are
 * copied into a directory of the dashboard's own (under the system's temporary directory, removed
 * at exit) and the report is drawn there. One drawing at a time, on one background thread at low
 * priority (it evaluates the best model on the test set: seconds of CPU a running study shares);
 * a request while one is being drawn is ignored. The latest drawing of each study is kept.
 */
final class PlotDrawer implements AutoCloseable {
    private final Path dataCache;
    private final Consumer<String> log;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-plots");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Map<String, Drawn> drawn = new ConcurrentHashMap<>();
    private Path root;

    /** A study's latest drawing: where its PNGs are, and the study's version they were drawn from. */
    record Drawn(Path plots, String version, List<String> notes) {
    }

    PlotDrawer(Path dataCache, Consumer<String> log) {
        this.dataCache = dataCache;
        this.log = log;
    }

    /** Starts drawing {@code study}'s plots unless a drawing is under way; true when this call started one. */
    boolean request(StudyWatch study, String version) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        worker.execute(() -> {
            try {
                draw(study, version);
            } catch (IOException | RuntimeException | LinkageError e) {
                log.accept("dashboard: the plots of " + study.id() + " could not be drawn: " + e.getMessage());
                drawn.put(study.id(), new Drawn(null, version, List.of("not drawn: " + e.getMessage())));
            } finally {
                busy.set(false);
            }
        });
        return true;
    }

    /** True while a drawing is under way. */
    boolean drawing() {
        return busy.get();
    }

    /** The latest drawing of the study with this id, if any. */
    Optional<Drawn> latest(String id) {
        return Optional.ofNullable(drawn.get(id));
    }

    private void draw(StudyWatch study, String version) throws IOException {
        RunLayout from = new RunLayout(study.root());
        if (!Files.isRegularFile(from.results())) {
            throw new IllegalStateException(RunLayout.RESULTS + " is not written yet");
        }
        Path dir = Files.createTempDirectory(root(), "study-");
        for (Path file : List.of(from.results(), from.studyFile(), from.bestModel())) {
            if (Files.isRegularFile(file)) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        var report = ReportWriter.write(dir, ReportOptions.defaults().withDataCacheDir(dataCache).withThreads(1), line -> { });
        Drawn old = drawn.put(study.id(), new Drawn(dir.resolve(ReportWriter.PLOTS_DIR), version, report.notes()));
        if (old != null && old.plots() != null) {
            deleteTree(old.plots().getParent());
        }
    }

    private synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("tune4j-dashboard-");
        }
        return root;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        Path r;
        synchronized (this) {
            r = root;
        }
        if (r != null) {
            deleteTree(r);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind: the system cleans it up
        }
    }
}
