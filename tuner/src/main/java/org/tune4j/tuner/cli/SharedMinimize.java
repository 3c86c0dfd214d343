package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.CommandEvaluator;
import org.tune4j.tuner.study.MinimizeConfig;
import org.tune4j.tuner.study.MinimizeStudy;
import org.tune4j.tuner.study.PostgresStorage;
import org.tune4j.tuner.study.StudyListener;
import org.tune4j.tuner.study.StudyLoop;

/**
 * {@code tune4j minimize --storage URL --name S ...}: this process is one worker (a {@link StudyLoop} on a
 * {@link PostgresStorage}) of the study
 * {@code S} in the database; the first worker creates it, the others join it (same space and
 * configuration, or refused naming the difference). With {@code --workers K}, K such workers in
 * this process ({@link Workers}), each line of a trial prefixed with its worker.
 */
final class SharedMinimize {
    private SharedMinimize() {
    }

    static int run(StorageUrl url, StorageOptions options, String name, Space space, MinimizeConfig config, int workers,
                   IntFunction<StudyListener> listeners, PrintStream stdout) {
        PgDatabase first = StorageOptions.open(url);
        List<PgDatabase> connections = new ArrayList<>(List.of(first));
        try {
            PgStudies.openOrCreate(first, name, MinimizeStudy.KIND, MinimizeStudy.configJson(config), space,
                    config.calls());
            stdout.printf(Locale.ROOT, "Study %s in %s: %d calls across all workers of: %s%s%n", name, url,
                    config.calls(), String.join(" ", config.command()), workers == 1 ? ""
                            : String.format(Locale.ROOT, " (this process: %d workers, %s/1..%d)", workers,
                            StorageOptions.workerName(), workers));
            List<StudyLoop> all = new ArrayList<>();
            for (int k = 1; k <= workers; k++) {
                PgDatabase db = k == 1 ? first : StorageOptions.open(url);
                if (k > 1) {
                    connections.add(db);
                }
                String prefix = workers == 1 ? "" : "[worker " + k + "] ";
                CommandEvaluator evaluator = new CommandEvaluator(config.command(), Path.of("").toAbsolutePath(),
                        line -> stdout.println(prefix + "  | " + line), config.trialTimeout());
                PostgresStorage storage = new PostgresStorage(workers == 1 ? options.study(db, name)
                        : options.study(db, name, StorageOptions.workerName() + "/" + k), space, config.optimizer(),
                        List.of(), options.heartbeat());
                all.add(new StudyLoop(storage, config.calls(), config.pruner().create(config.optimizer().seed(), 0),
                        evaluator, listeners.apply(k)));
            }
            StudyLoop.Outcome outcome = Workers.runAll(all);
            if (options.askTiming) {
                long trips = connections.stream().mapToLong(PgDatabase::roundTrips).sum();
                System.err.printf(Locale.ROOT, "tune4j: this process's database round trips: %d%n", trips);
            }
            ResultsDocument.Best best = ResultsDocument.bestOf(outcome.trials());
            stdout.println();
            stdout.printf(Locale.ROOT, "The study has %d finished trials.%n", outcome.trials().size());
            if (best == null) {
                stdout.println("No trial completed.");
                return 1;
            }
            stdout.printf(Locale.ROOT, "Best value %s at trial %d: %s%n", best.value(), best.number(), best.params());
            return 0;
        } finally {
            connections.forEach(PgDatabase::close);
        }
    }
}
