package org.tune4j.tuner.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.prune.PrunerConfig;

/**
 * The settings of a {@code tune4j minimize} study, recorded in study.json.
 *
 * @param calls     trials in the study (>= 1)
 * @param command   the program and its arguments, run once per trial
 * @param optimizer the optimizer settings
 * @param trialTimeoutSeconds how long one trial may run before it is stopped and failed (> 0), or
 *                  null for no limit (study.json files written before the option have none)
 * @param pruner    judges the command's {@code tune4j-report} lines (none when null; left out of study.json then)
 */
public record MinimizeConfig(int calls, List<String> command, OptimizerConfig optimizer,
                             Double trialTimeoutSeconds,
                             @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoPrunerFilter.class)
                             PrunerConfig pruner) {
    /** The longest trial timeout, a year in seconds. */
    public static final double MAX_TIMEOUT_SECONDS = 365 * 24 * 3600.0;

    @JsonCreator
    public MinimizeConfig {
        pruner = pruner == null ? PrunerConfig.none() : pruner;
        if (calls < 1) {
            throw new IllegalArgumentException("calls: expected at least 1, found " + calls);
        }
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: expected a program to run after --, found nothing");
        }
        Objects.requireNonNull(optimizer, "optimizer");
        if (trialTimeoutSeconds != null && !(trialTimeoutSeconds > 0 && trialTimeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException("trial timeout: expected seconds > 0 and at most " + MAX_TIMEOUT_SECONDS
                    + ", found " + trialTimeoutSeconds);
        }
    }

    /** A study without pruning. */
    public MinimizeConfig(int calls, List<String> command, OptimizerConfig optimizer, Double trialTimeoutSeconds) {
        this(calls, command, optimizer, trialTimeoutSeconds, PrunerConfig.none());
    }

    /** Jackson's filter that leaves no pruning out of study.json. */
    public static final class NoPrunerFilter {
        @Override
        public boolean equals(Object value) {
            return !(value instanceof PrunerConfig p) || !p.prunes();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** The trial timeout, or null for none. */
    public Duration trialTimeout() {
        return trialTimeoutSeconds == null ? null : Duration.ofMillis(Math.max(1, Math.round(trialTimeoutSeconds * 1000)));
    }

    public MinimizeConfig withCalls(int newCalls) {
        return new MinimizeConfig(newCalls, command, optimizer, trialTimeoutSeconds, pruner);
    }

    public MinimizeConfig withTrialTimeoutSeconds(Double seconds) {
        return new MinimizeConfig(calls, command, optimizer, seconds, pruner);
    }
}
