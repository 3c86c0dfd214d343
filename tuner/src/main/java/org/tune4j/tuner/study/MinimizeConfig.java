package org.tune4j.tuner.study;

import java.util.List;
import java.util.Objects;
import org.tune4j.optimizer.OptimizerConfig;

/**
 * The settings of a {@code tune4j minimize} study, recorded in study.json.
 *
 * @param calls     trials in the study (>= 1)
 * @param command   the program and its arguments, run once per trial
 * @param optimizer the optimizer settings
 */
public record MinimizeConfig(int calls, List<String> command, OptimizerConfig optimizer) {
    public MinimizeConfig {
        if (calls < 1) {
            throw new IllegalArgumentException("calls: expected at least 1, found " + calls);
        }
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: expected a program to run after --, found nothing");
        }
        Objects.requireNonNull(optimizer, "optimizer");
    }

    public MinimizeConfig withCalls(int newCalls) {
        return new MinimizeConfig(newCalls, command, optimizer);
    }
}
