package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.CommandEvaluator;
import org.tune4j.tuner.study.MinimizeConfig;
import org.tune4j.tuner.study.MinimizeStudy;
import org.tune4j.tuner.study.StudyListener;
import org.tune4j.tuner.study.StudyLoop;
import org.tune4j.tuner.study.StudyWorker;

/**
 * {@code tune4j minimize --storage URL --name S ...}: this process is one worker of the study
 * {@code S} in the database; the first worker creates it, the others join it (same space and
 * configuration, or refused naming the difference).
 */
final class SharedMinimize {
    private SharedMinimize() {
    }

    static int run(StorageUrl url, StorageOptions options, String name, Space space, MinimizeConfig config, StudyListener listener,
                   PrintStream stdout) {
        PgDatabase db = StorageOptions.open(url);
        try {
            PgStudies.openOrCreate(db, name, MinimizeStudy.KIND, MinimizeStudy.configJson(config), space,
                    config.calls());
            stdout.printf(Locale.ROOT, "Study %s in %s: %d calls across all workers of: %s%n", name, url,
                    config.calls(), String.join(" ", config.command()));
            CommandEvaluator evaluator = new CommandEvaluator(config.command(), Path.of("").toAbsolutePath(),
                    line -> stdout.println("  | " + line), config.trialTimeout());
            StudyWorker worker = new StudyWorker(options.study(db, name), space, config.optimizer(), config.calls(),
                    config.pruner().create(config.optimizer().seed(), 0), evaluator, listener, options.heartbeat());
            StudyLoop.Outcome outcome = worker.run();
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
            db.close();
        }
    }
}
