package org.tune4j.tuner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.tuner.study.Pruning;
import org.tune4j.tuner.study.StudyDirectory;
import org.tune4j.tuner.study.StudyLoop;
import org.tune4j.tuner.study.TuneConfig;
import org.tune4j.tuner.study.TuneStudy;
import org.tune4j.tuner.study.TutorialSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j tune}: the tutorial's study. With no options it reproduces the original: MNIST,
 * the four-dimension space, x0 = [1e-5, 1, 16, relu], GP + EI, 40 calls of 3 epochs.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Run the tutorial's hyper-parameter study (with no options: the original, 40 calls of 3 epochs on MNIST).",
                "Writes runs/<name>/: journal.jsonl, study.json, results.json, trials.csv, best-model.t4j, logs/, plots and report.html."})
final class TuneCommand implements Callable<Integer> {
    private static final int QUICK_CALLS = 12;
    private static final int QUICK_EPOCHS = 1;
    private static final int QUICK_LIMIT = 10_000;
    private static final int QUICK_INITIAL_POINTS = 5;
    /** Options that may accompany --resume: they do not change what the study computes. */
    private static final Set<String> RESUMABLE = Set.of("--resume", "--calls", "--threads", "--kernels", "--space",
            "--cache", "--verbose", "--no-report");

    @Spec
    CommandSpec spec;

    @Option(names = "--calls", paramLabel = "N", description = "Trials in the study (default: 40; with --resume: the new total).")
    Integer calls;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per trial (default: 3).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Mini-batch size unless the space searches batch_size (default: 128).")
    int batchSize = 128;

    @Option(names = "--space", paramLabel = "FILE", description = "A JSON search-space file (default: the tutorial's four dimensions).")
    Path spaceFile;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the run directory (default: the date and time); "
            + "with --storage, the study's name in the database: workers started with the same name join it.")
    String name;

    @Option(names = "--workers", paramLabel = "K", description = "With --storage: run K workers of the study in this "
            + "process, each with --threads / K training threads (at least 1) (default: 1).")
    Integer workers;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "Where run directories are made (default: <tune4j home>/runs).")
    Path runsDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the study in RUN_DIR (after a crash, or with a larger --calls).")
    Path resume;

    @Option(names = "--quick", description = "A first look: 12 calls (x0, 5 random, 6 guided) of 1 epoch on 10,000 training images.")
    boolean quick;

    @Option(names = "--no-report", description = "Skip the plots and report.html at the end (draw them later with tune4j report).")
    boolean noReport;

    @Option(names = "--report-every", paramLabel = "F", description = "Report the validation accuracy every F of an "
            + "epoch, 0 < F <= 1, as well as after each epoch: the steps --prune judges (default: 1, per epoch).")
    Double reportEvery;

    @Mixin
    PruneOptions prune;

    @Mixin
    OptimizerOptions optimizer;

    @Mixin
    DataOptions data;

    @Mixin
    LimitOption limit;

    @Mixin
    RuntimeOptions runtime;

    @Mixin
    StorageOptions storage;

    /** A study ready to run, and its data. */
    private record Setup(NewOrResumedStudy<TuneConfig> run, DataSplits splits) {
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (storage.requested() && (resume == null && runsDir == null || storage.storage != null)) {
            return shared(out);
        }
        if (workers != null) {
            throw new ParameterException(spec.commandLine(), "--workers: runs several workers of a study in a database; "
                    + "give --storage postgresql://USER@HOST[:PORT]/DB and --name");
        }
        Setup setup = resume != null ? resumed() : created();
        TuneConfig config = setup.run().config();
        RunLayout dir = setup.run().dir();
        out.printf(Locale.ROOT, "Study %s: %d calls, %d epoch%s, batch %d, %s + %s, dataset %s%s%s%n", dir.root(),
                config.calls(), config.epochs(), config.epochs() == 1 ? "" : "s", config.batchSize(),
                config.optimizer().surrogate().name(), config.optimizer().acquisition().name(), config.dataset(),
                config.limit() > 0 ? String.format(Locale.ROOT, " (first %,d training images)", config.limit()) : "",
                describe(config.pruning()));
        ProgressBarListener progress = new ProgressBarListener(out, System.err, setup.splits().train().count(),
                config.epochs());
        TuneConsole console = new TuneConsole(out, System.err, progress);
        TuneStudy.Result result;
        InterruptNotice notice = InterruptNotice.install(System.err, "tune4j tune --resume " + dir.root());
        try {
            result = TuneStudy.run(dir, setup.run().study(), config, setup.splits(), console, progress);
        } finally {
            notice.close();
            progress.closeBar();
        }
        StudyLoop.Outcome outcome = result.outcome();
        console.summary(outcome.trials(), result.best().orElse(null),
                outcome.expectedMinimum().orElse(null),
                result.test(), setup.run().study().space().names());
        if (!noReport) {
            Reports.writeAfterStudy(dir.root(), data.cacheDir(), runtime.threads(), setup.splits().test(), out, System.err);
        }
        out.println("Run directory: " + dir.root());
        return 0;
    }

    /** One process's workers of a study in a database: {@link SharedTune}. */
    private int shared(PrintStream out) throws IOException {
        StorageUrl url = storage.url(name);
        if (resume != null || runsDir != null) {
            throw new ParameterException(spec.commandLine(), (resume != null ? "--resume" : "--runs-dir") + ": not with "
                    + "--storage (a study in a database has no run directory; it is continued by starting a worker "
                    + "with the same --name)");
        }
        int k = workers == null ? 1 : workers;
        if (k < 1 || k > 64) {
            throw new ParameterException(spec.commandLine(), "--workers: expected 1..64, found " + k);
        }
        Space space = spaceFile == null ? TutorialSpace.defaultSpace() : readSpace(spaceFile);
        TuneConfig config = newConfig();
        return SharedTune.run(url, storage, name, space, config, k,
                () -> DataOptions.load(config.dataset(), data.cacheDir(), config.limit(), System.err), out);
    }

    /** A new study: settings from the options, data loaded before the run directory is made. */
    private Setup created() throws IOException {
        Space space = spaceFile == null ? TutorialSpace.defaultSpace() : readSpace(spaceFile);
        TuneConfig config = newConfig();
        RunLayout dir = new RunLayout(runDir());
        StudyDirectory.requireNew(dir);
        DataSplits splits = DataOptions.load(config.dataset(), data.cacheDir(), config.limit(), System.err);
        NewOrResumedStudy<TuneConfig> run = NewOrResumedStudy.create(dir, TuneStudy.KIND, config, TuneStudy::configJson, space);
        if (TutorialSpace.defaultPoint(space, config.batchSize()).isEmpty()) {
            System.out.println("The tutorial's default point [1e-5, 1, 16, relu] lies outside this space: "
                    + "the study starts with the initial design.");
        }
        return new Setup(run, splits);
    }

    /** A study continued from its run directory, with the settings recorded there (and a new --calls). */
    private Setup resumed() throws IOException {
        refuseStudyOptions();
        NewOrResumedStudy<TuneConfig> run = NewOrResumedStudy.resume(new RunLayout(resume), TuneStudy.KIND,
                spaceFile == null ? null : readSpace(spaceFile), TuneStudy::configOf)
                .withConfig(c -> c.withRuntime(runtime.threads(), runtime.kernels()));
        if (calls != null) {
            run = run.withConfig(c -> c.withCalls(positive("--calls", calls)));
        }
        TuneConfig config = run.config();
        return new Setup(run, DataOptions.load(config.dataset(), data.cacheDir(), config.limit(), System.err));
    }

    /** ", pruner median (reports every 0.25 epoch)", or nothing for the default. */
    private static String describe(Pruning p) {
        if (!p.recordsReports()) {
            return "";
        }
        String every = p.reportEvery() == 1 ? "each epoch" : String.format(Locale.ROOT, "every %s epoch",
                java.math.BigDecimal.valueOf(p.reportEvery()).stripTrailingZeros().toPlainString());
        StringBuilder params = new StringBuilder();
        p.pruner().parameters().forEach((k, v) -> params.append(params.isEmpty() ? "" : ", ").append(k).append('=')
                .append(java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()));
        return ", pruner " + p.pruner().pruner().name() + (params.isEmpty() ? "" : " (" + params + ")")
                + ", reports " + every;
    }

    private static Space readSpace(Path file) {
        Space space = SpaceFile.read(file);
        TutorialSpace.check(space, "space file " + file);
        return space;
    }

    private TuneConfig newConfig() {
        TuneConfig tutorial = TuneConfig.tutorial(runtime.threads());
        int c = calls != null ? positive("--calls", calls) : quick ? QUICK_CALLS : tutorial.calls();
        int e = epochs != null ? positive("--epochs", epochs) : quick ? QUICK_EPOCHS : tutorial.epochs();
        positive("--batch-size", batchSize);
        int images = limit.limit() > 0 ? limit.limit() : quick ? QUICK_LIMIT : tutorial.limit();
        return new TuneConfig(c, e, batchSize, data.dataset(), images, tutorial.threads(), runtime.kernels(),
                optimizer.settings(quick ? QUICK_INITIAL_POINTS : tutorial.optimizer().initialPoints()), pruning(e));
    }

    /** --prune, --prune-param and --report-every, checked with the option named. */
    private Pruning pruning(int epochs) {
        double every = reportEvery == null ? 1.0 : reportEvery;
        if (!(every > 0 && every <= 1)) {
            throw new ParameterException(spec.commandLine(), "--report-every: expected a fraction of an epoch, "
                    + "0 < F <= 1, found " + reportEvery);
        }
        PrunerConfig pruner = prune.settings();
        prune.requireCreatable(pruner, 0, (int) Math.min(Integer.MAX_VALUE, epochs * Math.ceil(1 / every - 1e-9)));
        return reportEvery == null && !pruner.prunes() ? Pruning.NONE : new Pruning(pruner, every);
    }

    private int positive(String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + ": expected at least 1, found " + value);
        }
        return value;
    }

    /** The new run's directory: --name (a plain name) or the date and time, under --runs-dir. */
    private Path runDir() {
        Path parent = runsDir == null ? Home.runsDir() : runsDir;
        if (name == null) {
            return NewOrResumedStudy.timestamped(parent, "");
        }
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new ParameterException(spec.commandLine(), "--name: expected a plain directory name, found '"
                    + name + "'");
        }
        return parent.resolve(name);
    }

    /** A resumed study keeps the settings it was started with; only --calls and how it runs may change. */
    private void refuseStudyOptions() {
        Set<String> given = new TreeSet<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUMABLE.contains(o.longestName())) {
                given.add(o.longestName());
            }
        }
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--resume continues a study with the settings recorded in its "
                    + "study.json; these options cannot change them: " + String.join(", ", given)
                    + " (allowed with --resume: --calls, --threads, --kernels, --cache)");
        }
    }

}
