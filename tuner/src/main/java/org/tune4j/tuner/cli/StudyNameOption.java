package org.tune4j.tuner.cli;

import picocli.CommandLine.Option;

/** {@code --name STUDY}: the study in the {@code --storage} database (minimize, report, evaluate, predict). */
final class StudyNameOption {
    @Option(names = "--name", paramLabel = "STUDY",
            description = "The study's name in the --storage database: workers started with the same name join it.")
    String name;
}
