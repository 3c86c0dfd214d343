package org.tune4j.tuner.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --limit N}: train on the first N training images only (train and tune). */
final class LimitOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training images only.")
    Integer limit;

    /** The limit, 0 for none. */
    int limit() {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit: expected at least 1 image, found " + limit);
        }
        return limit == null ? 0 : limit;
    }
}
