package org.tune4j.tuner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tune4j.tuner.storage.OptimizerJson;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.study.AskTellStudy;
import org.tune4j.tuner.study.StudyListener;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tune4j tell --study DIR --trial N --value V | --failed}: records a trial's outcome. */
@Command(name = "tell", mixinStandardHelpOptions = true,
        description = "Record the value (to minimize) of a trial handed out by tune4j ask, or that it failed.")
final class TellCommand implements Callable<Integer> {
    @Option(names = "--study", required = true, paramLabel = "DIR", description = "The study's directory.")
    Path study;

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
        TrialRecord told = AskTellStudy.tell(new RunLayout(study), trial, outcome.failed ? null : outcome.value,
                new StudyListener() {
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
