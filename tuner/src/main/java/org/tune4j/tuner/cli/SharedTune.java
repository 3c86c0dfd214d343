package org.tune4j.tuner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.train.Evaluation;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.engine.train.TrainingListener;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgBestModel;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.PgStudy;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.PostgresStorage;
import org.tune4j.tuner.study.StudyLoop;
import org.tune4j.tuner.study.TrainingEvaluator;
import org.tune4j.tuner.study.TuneConfig;
import org.tune4j.tuner.study.TuneStudy;
import org.tune4j.tuner.study.TutorialSpace;

/**
 * {@code tune4j tune --storage URL --name S [--workers K]}: the tutorial's study (the same space,
 * network, defaults, pruner and seeds as {@code tune} on a run directory) with this process as K
 * workers of the study {@code S} in the database. The first worker anywhere creates it, the others
 * join it (same space and configuration but for the threads and kernels each machine runs with,
 * or refused naming the difference). Each worker is a {@link StudyLoop} on a
 * {@link PostgresStorage} with its own connection
 * and {@code --threads T / K} training threads (at least 1), its trials trained by a
 * {@link TrainingEvaluator} whose training logs and best model go to the database
 * ({@link PostgresStorage#artifacts}). At the end the best model is read back from the database and scored
 * on the test set, its figures recorded beside it.
 */
final class SharedTune {
    /** Fields of the configuration that may differ between workers: how each machine runs. */
    static final Set<String> PER_WORKER = Set.of("threads", "kernels");

    private SharedTune() {
    }

    /** Loads the study's data (after the study is joined: a refused worker loads nothing). */
    @FunctionalInterface
    interface DataLoader {
        DataSplits load() throws IOException;
    }

    static int run(StorageUrl url, StorageOptions options, String name, Space space, TuneConfig config, int workers,
                   DataLoader loader, PrintStream out) throws IOException {
        PgDatabase first = StorageOptions.open(url);
        List<PgDatabase> connections = new ArrayList<>(List.of(first));
        try {
            PgStudies.openOrCreate(first, name, TuneStudy.KIND, TuneStudy.configJson(config), PER_WORKER, space,
                    config.calls());
            DataSplits data = loader.load();
            int threads = Math.max(1, config.threads() / workers);
            TuneConfig worker = config.withRuntime(threads, config.kernels());
            String host = StorageOptions.workerName();
            out.printf(Locale.ROOT, "Study %s in %s: %d calls across all workers, %d epoch%s, dataset %s; this process: "
                    + "%d worker%s (%s/1..%d), %d training thread%s each%n", name, url, config.calls(), config.epochs(),
                    config.epochs() == 1 ? "" : "s", config.dataset(), workers, workers == 1 ? "" : "s", host, workers,
                    threads, threads == 1 ? "" : "s");
            List<TrialRecord> previous = options.study(first, name).finished();
            List<Map<String, Object>> x0 = TutorialSpace.defaultPoint(space, config.batchSize()).map(List::of)
                    .orElse(List.of());
            ProgressBarListener bar = workers == 1
                    ? new ProgressBarListener(out, System.err, data.train().count(), config.epochs()) : null;
            List<StudyLoop> all = new ArrayList<>();
            for (int k = 1; k <= workers; k++) {
                PgDatabase db = k == 1 ? first : StorageOptions.open(url);
                if (k > 1) {
                    connections.add(db);
                }
                PgStudy study = options.study(db, name, host + "/" + k);
                WorkerConsole console = new WorkerConsole(out, System.err, "worker " + k,
                        bar == null ? () -> { } : bar::closeBar);
                PostgresStorage storage = new PostgresStorage(study, space, config.optimizer(), x0, options.heartbeat());
                TrainingEvaluator evaluator = new TrainingEvaluator(data, worker, space,
                        storage.artifacts(data.train().classNames(), console), previous,
                        bar == null ? TrainingListener.NONE : bar);
                all.add(new StudyLoop(storage, config.calls(), TuneStudy.pruner(worker, data), evaluator, console));
            }
            StudyLoop.Outcome outcome = Workers.runAll(all);
            if (bar != null) {
                bar.closeBar();
            }
            ResultsDocument.TestResult test = testBestModel(first, name, config, data, out);
            new TuneConsole(out, System.err, bar).summary(outcome.trials(), ResultsDocument.bestOf(outcome.trials()),
                    outcome.expectedMinimum().orElse(null), test, space.names());
            out.println("Report: tune4j report --storage " + url + " --name " + name + " --out DIR");
            return ResultsDocument.bestOf(outcome.trials()) == null ? 1 : 0;
        } finally {
            connections.forEach(PgDatabase::close);
        }
    }

    /** The stored best model on the test set, recorded beside it; null when the study has no model. */
    private static ResultsDocument.TestResult testBestModel(PgDatabase db, String name, TuneConfig config,
                                                            DataSplits data, PrintStream out) {
        Optional<PgBestModel.Stored> stored = PgBestModel.read(db, name);
        if (stored.isEmpty()) {
            return null;
        }
        java.nio.file.Path file = SharedModelFile.write(stored.get().bytes());
        try {
            Evaluation ev = new Evaluator(config.threads(), config.kernels()).evaluate(ModelFile.load(file), data.test());
            PgBestModel.recordTest(db, name, stored.get().number(), ev.accuracy(), ev.loss());
            out.printf(Locale.ROOT, "%nThe best model in the database is trial %d's.%n", stored.get().number());
            return new ResultsDocument.TestResult(ev.accuracy(), ev.loss());
        } catch (IOException e) {
            throw new UncheckedIOException("the best model in the database cannot be read: " + e.getMessage(), e);
        } finally {
            new SharedModelFile(file, stored.get(), config.dataset()).close();
        }
    }
}
