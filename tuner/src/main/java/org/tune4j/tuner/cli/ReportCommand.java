package org.tune4j.tuner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tune4j.tuner.storage.ResultsCatchUp;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tune4j report RUN_DIR}: redraws the plots and report.html of a finished or interrupted run,
 * from results.json brought up to the journal first ({@link ResultsCatchUp}: a run killed between
 * its journal and its results.json is reported with every trial it journaled).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Redraw the plots and report.html of a finished or interrupted run.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR",
            description = "A run directory (e.g. runs/<name>); with --storage, none.")
    Path runDir;

    @Option(names = "--out", paramLabel = "DIR",
            description = "With --storage: the directory to write the study's results.json, plots and report.html to.")
    Path out;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyNameOption study;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where downloaded data sets are kept (default: <tune4j home>/data/cache).")
    Path cache;

    @Mixin
    RuntimeOptions runtime;

    @Override
    public Integer call() throws Exception {
        StorageUrl url = storage.url(study.name, runDir != null);
        if (url != null) {
            if (runDir != null || out == null) {
                throw new IllegalArgumentException("report --storage: give the study with --name and the directory to "
                        + "write with --out DIR (not a RUN_DIR)");
            }
            runDir = SharedReport.export(url, study.name, new RunLayout(out));
        } else if (runDir == null) {
            throw new IllegalArgumentException("report: give a RUN_DIR, or --storage URL --name STUDY --out DIR");
        }
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("run directory " + runDir + " does not exist");
        }
        if (url == null) {  // a study exported from the database has no journal: its results.json is complete
            ResultsCatchUp.run(new RunLayout(runDir), line -> System.err.println("tune4j: " + line));
        }
        Path report = Reports.write(runDir, cache == null ? Home.cacheDir() : cache, runtime.threads(), System.err);
        System.out.println("Report: " + report);
        return 0;
    }
}
