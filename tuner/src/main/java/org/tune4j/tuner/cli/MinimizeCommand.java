package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.MinimizeConfig;
import org.tune4j.tuner.study.MinimizeStudy;
import org.tune4j.tuner.study.StudyListener;
import org.tune4j.tuner.study.StudyLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j minimize --space SPACE.json --calls N -- COMMAND [ARGS...]}: Bayesian
 * optimization of any program; each trial's parameters go to its stdin as JSON, the value to
 * minimize is the last line of its stdout.
 */
@Command(name = "minimize", mixinStandardHelpOptions = true,
        description = {"Minimize the number a command prints: each trial runs COMMAND with the parameters as one JSON object "
                + "on its standard input and reads the value from the last line of its standard output.",
                "A command that fails or prints no number is a failed trial; the run goes on.",
                "With --prune, a line 'tune4j-report STEP VALUE' (STEP 1, 2, ...; VALUE a number) reports an intermediate "
                        + "value; a trial the pruner judges hopeless is stopped (with its child processes) and recorded "
                        + "as pruned, its value the last one reported."})
final class MinimizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--space", paramLabel = "SPACE.json", description = "The search space (JSON space file).")
    Path spaceFile;

    @Option(names = "--calls", paramLabel = "N", description = "Trials (default: 40; with --resume: the new total).")
    Integer calls;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: <tune4j home>/runs/minimize-<date>).")
    Path out;

    @Option(names = "--resume", description = "Continue the study in --out DIR, losing at most the trial in flight.")
    boolean resume;

    @Option(names = "--trial-timeout", paramLabel = "SECONDS",
            description = "Stop a trial's command after this many seconds (with its child processes) and record the "
                    + "trial as failed (default: no limit; with --resume: replaces the recorded one).")
    Double trialTimeout;

    @Option(names = "--no-report", description = "Skip the plots and report.html at the end.")
    boolean noReport;

    @Mixin
    OptimizerOptions optimizer;

    @Mixin
    PruneOptions prune;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyNameOption study;

    @Option(names = "--workers", paramLabel = "K", description = "With --storage: run K workers of the study in this "
            + "process, each running the command for its own trials (default: 1).")
    Integer workers;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The program to run and its arguments (after --).")
    List<String> command;

    @Override
    public Integer call() {
        PrintStream stdout = System.out;
        Space space = spaceFile == null ? null : SpaceFile.read(spaceFile);
        StorageUrl url = storage.url(study.name, out != null || resume);
        if (url != null) {
            return shared(url, space, stdout);
        }
        if (workers != null) {
            throw new ParameterException(spec.commandLine(), "--workers: runs several workers of a study in a database; "
                    + "give --storage postgresql://USER@HOST[:PORT]/DB and --name");
        }
        NewOrResumedStudy<MinimizeConfig> setup = resume ? resumed(space) : created(space);
        RunLayout dir = setup.dir();
        stdout.printf(Locale.ROOT, "Study %s: %d calls of: %s%n", dir.root(), setup.config().calls(),
                String.join(" ", command));
        StudyLoop.Outcome outcome;
        InterruptNotice notice = InterruptNotice.install(System.err, "tune4j minimize --resume --out " + dir.root()
                + " -- " + String.join(" ", command));
        try {
            outcome = MinimizeStudy.run(dir, setup.study(), setup.config(), Path.of("").toAbsolutePath(),
                    new Console(stdout, ""), line -> stdout.println("  | " + line));
        } finally {
            notice.close();
        }
        ResultsDocument.Best best = ResultsDocument.bestOf(outcome.trials());
        summary(stdout, outcome, best, dir);
        if (!noReport && best != null) {
            Reports.writeAfterStudy(dir.root(), Home.cacheDir(), 1, stdout, System.err, false);
        }
        return best == null ? 1 : 0;
    }

    /** One worker of a study in a database: {@link SharedMinimize}. */
    private int shared(StorageUrl url, Space space, PrintStream stdout) {
        if (resume || out != null) {
            throw new ParameterException(spec.commandLine(), (resume ? "--resume" : "--out") + ": a study in --storage "
                    + "is joined by starting a worker with the same --name; it has no run directory");
        }
        MinimizeConfig config = newConfig(space);
        int k = workers == null ? 1 : workers;
        if (k < 1 || k > 64) {
            throw new ParameterException(spec.commandLine(), "--workers: expected 1..64, found " + k);
        }
        return SharedMinimize.run(url, storage, study.name, space, config, k,
                w -> new Console(stdout, k == 1 ? "" : "[worker " + w + "] "), stdout);
    }

    /** A new study's configuration from the options; --space is required for one. */
    private MinimizeConfig newConfig(Space space) {
        if (space == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--space=SPACE.json'");
        }
        PrunerConfig pruner = prune.settings();
        prune.requireCreatable(pruner, 0, 0);
        return new MinimizeConfig(calls == null ? 40 : positiveCalls(), command, optimizer.settings(),
                checkedTimeout(), pruner);
    }

    private NewOrResumedStudy<MinimizeConfig> created(Space space) {
        MinimizeConfig config = newConfig(space);
        RunLayout dir = new RunLayout(out != null ? out : NewOrResumedStudy.timestamped(Home.runsDir(), "minimize-"));
        return NewOrResumedStudy.create(dir, MinimizeStudy.KIND, config, MinimizeStudy::configJson, space);
    }

    private NewOrResumedStudy<MinimizeConfig> resumed(Space space) {
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "--resume: give the run directory with --out DIR");
        }
        if (prune.given()) {
            throw new ParameterException(spec.commandLine(), "--resume continues with the pruner recorded in study.json; "
                    + "--prune and --prune-param cannot change it");
        }
        NewOrResumedStudy<MinimizeConfig> setup = NewOrResumedStudy.resume(new RunLayout(out), MinimizeStudy.KIND, space,
                MinimizeStudy::configOf);
        if (!setup.config().command().equals(command)) {
            throw new ParameterException(spec.commandLine(), "--resume: the command differs from the one recorded in "
                    + setup.dir().studyFile() + " (" + String.join(" ", setup.config().command()) + ")");
        }
        if (trialTimeout != null) {
            Double seconds = checkedTimeout();
            setup = setup.withConfig(c -> c.withTrialTimeoutSeconds(seconds));
        }
        return calls == null ? setup : setup.withConfig(c -> c.withCalls(positiveCalls()));
    }

    private static void summary(PrintStream stdout, StudyLoop.Outcome outcome, ResultsDocument.Best best,
                                RunLayout dir) {
        stdout.println();
        if (best == null) {
            stdout.println("No trial completed.");
        } else {
            stdout.printf(Locale.ROOT, "Best value %s at trial %d: %s%n", best.value(), best.number(), best.params());
        }
        outcome.expectedMinimum().ifPresent(e -> stdout.printf(Locale.ROOT,
                "The surrogate's expected minimum: %s at %s%n", e.predictedValue(), e.params()));
        stdout.println("Results: " + dir.results());
    }

    private Double checkedTimeout() {
        if (trialTimeout != null && !(trialTimeout > 0 && trialTimeout <= MinimizeConfig.MAX_TIMEOUT_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "--trial-timeout: expected seconds > 0 and at most "
                    + (long) MinimizeConfig.MAX_TIMEOUT_SECONDS + ", found " + trialTimeout);
        }
        return trialTimeout;
    }

    private int positiveCalls() {
        if (calls < 1) {
            throw new ParameterException(spec.commandLine(), "--calls: expected at least 1, found " + calls);
        }
        return calls;
    }

    /** One line per trial. */
    private static final class Console implements StudyListener {
        private final PrintStream out;
        private final String prefix;

        /** @param prefix before each line: the worker's label with {@code --workers}, else nothing */
        Console(PrintStream out, String prefix) {
            this.out = out;
            this.prefix = prefix;
        }

        @Override
        public void warning(String message) {
            System.err.println("tune4j: warning: " + prefix + message);
        }

        @Override
        public void resumed(List<TrialRecord> finished, int calls) {
            out.printf(Locale.ROOT, "Resuming: %d of %d trials already done.%n", finished.size(), calls);
        }

        @Override
        public void trialStarted(int number, int calls, Map<String, Object> params) {
            out.printf(Locale.ROOT, "%sTrial %d/%d: %s%n", prefix, number, calls, params);
            out.flush();
        }

        @Override
        public void trialFinished(TrialRecord trial) {
            out.println(prefix + (trial.state() == TrialState.COMPLETE
                    ? String.format(Locale.ROOT, "  value %s (%.2f s)", trial.value(), trial.seconds())
                    : trial.isPruned() ? String.format(Locale.ROOT, "  pruned %s (%.2f s)", trial.pruneReason(),
                            trial.seconds())
                    : "  failed: " + trial.error()));
            out.flush();
        }
    }

}
