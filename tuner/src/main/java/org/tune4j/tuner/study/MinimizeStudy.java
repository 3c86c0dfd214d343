package org.tune4j.tuner.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyDescription;

/**
 * A study of an external command ({@code tune4j minimize}): {@link StudyLoop} with a
 * {@link CommandEvaluator}. Its trials always record the command's {@code tune4j-report} lines;
 * the study's pruner (none by default) judges them.
 */
public final class MinimizeStudy {
    /** The {@code kind} recorded in study.json. */
    public static final String KIND = "minimize";

    private MinimizeStudy() {
    }

    public static JsonNode configJson(MinimizeConfig config) {
        return Json.mapper().valueToTree(config);
    }

    public static MinimizeConfig configOf(StudyDescription study) {
        try {
            return Json.mapper().treeToValue(study.config(), MinimizeConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("study.json field \"config\": not a minimize configuration ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Runs (or continues) the study; the command runs in {@code workDir}, its output lines go to
     * {@code output}.
     */
    public static StudyLoop.Outcome run(RunLayout dir, StudyDescription study, MinimizeConfig config, Path workDir,
                                          StudyListener listener, Consumer<String> output) {
        CommandEvaluator evaluator = new CommandEvaluator(config.command(), workDir, output, config.trialTimeout());
        StudyPlan run = new StudyPlan(dir, study, config.optimizer(), config.calls(), List.of(),
                config.pruner().create(config.optimizer().seed(), 0));
        return new StudyLoop(run, evaluator, listener).run();
    }
}
