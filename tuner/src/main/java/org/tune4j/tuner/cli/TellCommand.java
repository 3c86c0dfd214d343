package org.tune4j.tuner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tune4j.tuner.storage.OptimizerJson;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.study.AskTellStudy;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.StudyListener;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j tell --study DIR --trial N --value V | --failed}: records a trial's outcome; with
 * {@code --storage URL --name S}, in the database ({@link SharedAskTell}).
 */
@Command(name = "tell", mixinStandardHelpOptions = true,
        description = "Record the value (to minimize) of a trial handed out by tune4j ask, or that it failed.")
final class TellCommand implements Callable<Integer> {
    @Option(names = "--study", paramLabel = "DIR", description = "The study's directory (or --storage and --name).")
    Path study;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyNameOption name;

    @Spec
    CommandSpec spec;

    @Option(names = "--trial", required = true, paramLabel = "N", description = "The trial number printed by ask.")
    int trial;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Outcome outcome;

    static final class Outcome {
        @Option(names = "--value", paramLabel = "V", description = "The objective value (finite).")
        Double value;

        @Option(names = "--failed", description = "The evaluation failed.")
        boolean failed;
    }

    @Override
    public Integer call() {
        StorageUrl url = study != null && storage.storage == null ? null : storage.url(name.name);  // --study over $TUNE4J_STORAGE
        TrialRecord told;
        if (url != null) {
            if (study != null) {
                throw new ParameterException(spec.commandLine(), "--study: names a run directory; with --storage the "
                        + "study is --name's");
            }
            told = SharedAskTell.tell(url, name.name, trial, outcome.failed ? null : outcome.value);
        } else if (study == null) {
            throw new ParameterException(spec.commandLine(), "tell: give the study: --study DIR (a run directory), or "
                    + "--storage URL --name S");
        } else {
            told = tellRunDirectory();
        }
        System.out.println("trial " + told.number() + ": " + OptimizerJson.text(told.state())
                + (told.value() == null ? "" : " " + told.value()));
        return 0;
    }

    private TrialRecord tellRunDirectory() {
        return AskTellStudy.tell(new RunLayout(study), trial, outcome.failed ? null : outcome.value,
                new StudyListener() {
                    @Override
                    public void warning(String message) {
                        System.err.println("tune4j: warning: " + message);
                    }
                });
    }
}
