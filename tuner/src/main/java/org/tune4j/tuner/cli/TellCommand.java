package org.tune4j.tuner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tune4j.tuner.storage.OptimizerJson;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.study.AskTellStorage;
import org.tune4j.tuner.study.StudyListener;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j tell --study DIR --trial N --value V | --failed}: records a trial's outcome; with
 * {@code --storage URL --name S}, in the database; the study is found once ({@link AskTellChoice})
 * and told through {@link AskTellStorage}.
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
        AskTellStorage target = AskTellChoice.resolve(spec, "tell", study, storage, name.name, null, null);
        TrialRecord told = target.tell(trial, outcome.failed ? null : outcome.value, new StudyListener() {
            @Override
            public void warning(String message) {
                System.err.println("tune4j: warning: " + message);
            }
        });
        System.out.println("trial " + told.number() + ": " + OptimizerJson.text(told.state())
                + (told.value() == null ? "" : " " + told.value()));
        return 0;
    }
}
