package org.tune4j.tuner.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.study.AskTellStudy;
import org.tune4j.tuner.study.StudyListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tune4j ask --study DIR [--space SPACE.json]}: prints the next trial as one JSON line. */
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

    @Override
    public Integer call() {
        AskTellStudy.Asked asked = AskTellStudy.ask(new RunLayout(study),
                spaceFile == null ? null : SpaceFile.read(spaceFile), optimizer.settings(), new StudyListener() {
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
}
