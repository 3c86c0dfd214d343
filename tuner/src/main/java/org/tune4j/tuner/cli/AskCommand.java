package org.tune4j.tuner.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tune4j.optimizer.BatchStrategy;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.study.AskTellStudy;
import org.tune4j.tuner.study.StudyListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tune4j ask --study DIR [--space SPACE.json] [--batch-strategy NAME]}: prints the next trial as
 * one JSON line.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Print the next point to evaluate as one JSON line {\"trial\": N, \"params\": {...}}.",
                "The first ask creates the study (give --space and any optimizer options then); report back with tune4j tell."})
final class AskCommand implements Callable<Integer> {
    @Option(names = "--study", required = true, paramLabel = "DIR", description = "The study's directory.")
    Path study;

    @Option(names = "--space", paramLabel = "SPACE.json", description = "The search space (required by the first ask).")
    Path spaceFile;

    @Mixin
    OptimizerOptions optimizer;

    @Option(names = "--batch-strategy", converter = BatchStrategies.class, completionCandidates = BatchStrategies.class,
            paramLabel = "NAME", defaultValue = "cl-min",
            description = {"How trials still pending (asked, not yet told) are treated when choosing the new point: "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, the constant liar at the lowest value seen; "
                    + "BENCHMARKS.md compares them). Give the same one to every ask of a study."})
    BatchStrategy batchStrategy;

    @Override
    public Integer call() {
        AskTellStudy.Asked asked = AskTellStudy.ask(new RunLayout(study),
                spaceFile == null ? null : SpaceFile.read(spaceFile), optimizer.settings(), batchStrategy,
                new StudyListener() {
                    @Override
                    public void warning(String message) {
                        System.err.println("tune4j: warning: " + message);
                    }
                });
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("trial", asked.trial());
        line.put("params", asked.params());
        System.out.println(Json.line(line));
        return 0;
    }

    /** The batch strategies by label, as the option's converter and completion candidates. */
    static final class BatchStrategies implements ITypeConverter<BatchStrategy>, Iterable<String> {
        @Override
        public BatchStrategy convert(String label) {
            try {
                return BatchStrategy.fromLabel(label);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(BatchStrategy.values()).map(BatchStrategy::label).iterator();
        }
    }
}
