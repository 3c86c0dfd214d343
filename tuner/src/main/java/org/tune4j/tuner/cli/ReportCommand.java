package org.tune4j.tuner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tune4j.tuner.storage.ResultsCatchUp;
import org.tune4j.tuner.storage.RunLayout;
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
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (e.g. runs/<name>).")
    Path runDir;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where downloaded data sets are kept (default: <tune4j home>/data/cache).")
    Path cache;

    @Mixin
    RuntimeOptions runtime;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("run directory " + runDir + " does not exist");
        }
        ResultsCatchUp.run(new RunLayout(runDir), line -> System.err.println("tune4j: " + line));
        Path report = Reports.write(runDir, cache == null ? Home.cacheDir() : cache, runtime.threads(), System.err);
        System.out.println("Report: " + report);
        return 0;
    }
}
