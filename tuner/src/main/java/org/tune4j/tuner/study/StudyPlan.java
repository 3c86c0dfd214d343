package org.tune4j.tuner.study;

import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.prune.Pruner;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyDescription;

/**
 * A study in a run directory as {@link StudyLoop} runs it ({@link RunDirectoryStorage}): where,
 * what, how many calls, and the points to evaluate first.
 *
 * @param dir         the run directory (study.json already written)
 * @param description the study as recorded in study.json
 * @param optimizer   the optimizer configuration
 * @param calls       total number of trials the study should have when done (>= 1)
 * @param givenPoints points evaluated first, before any ask (the tutorial's x0), by name
 * @param pruner      judges each trial's intermediate reports; null when the study records no
 *                    reports (the tutorial's default: trials get {@link TrialMonitor#NONE})
 */
public record StudyPlan(RunLayout dir, StudyDescription description, OptimizerConfig optimizer, int calls,
                       List<Map<String, Object>> givenPoints, Pruner pruner) {
    public StudyPlan {
        if (calls < 1) {
            throw new IllegalArgumentException("calls: expected at least 1, found " + calls);
        }
        givenPoints = List.copyOf(givenPoints);
    }

    /** A study without intermediate reports. */
    public StudyPlan(RunLayout dir, StudyDescription description, OptimizerConfig optimizer, int calls,
                     List<Map<String, Object>> givenPoints) {
        this(dir, description, optimizer, calls, givenPoints, null);
    }
}
