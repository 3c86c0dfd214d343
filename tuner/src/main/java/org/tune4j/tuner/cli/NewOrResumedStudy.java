package org.tune4j.tuner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.study.StudyDirectory;

/**
 * The run directory a study command ({@code tune}, {@code minimize}) works in, with the study's
 * description and configuration: either created for a new study (study.json written from the
 * options) or opened to resume one (configuration read back from study.json). Only the set-up:
 * what may change on resume and how the study then runs stay with each command.
 *
 * @param dir    the run directory
 * @param study  its study.json
 * @param config the study's configuration record ({@code TuneConfig}, {@code MinimizeConfig})
 * @param <C>    the configuration type
 */
record NewOrResumedStudy<C>(RunLayout dir, StudyDescription study, C config) {

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** A new study in {@code dir}; refuses a directory that already holds one. */
    static <C> NewOrResumedStudy<C> create(RunLayout dir, String kind, C config, Function<C, JsonNode> toJson,
                                    Space space) {
        return new NewOrResumedStudy<>(dir, StudyDirectory.create(dir, kind, toJson.apply(config), space), config);
    }

    /**
     * The study recorded in {@code dir}, to continue it.
     *
     * @param space the space given on the command line, or null to take the recorded one
     */
    static <C> NewOrResumedStudy<C> resume(RunLayout dir, String kind, Space space,
                                    Function<StudyDescription, C> configOf) {
        StudyDescription study = StudyDirectory.open(dir, kind, space);
        return new NewOrResumedStudy<>(dir, study, configOf.apply(study));
    }

    /** The same study with the configuration {@code change} makes (a new --calls, other threads). */
    NewOrResumedStudy<C> withConfig(Function<C, C> change) {
        return new NewOrResumedStudy<>(dir, study, change.apply(config));
    }

    /** The default run-directory name: {@code prefix} and the date and time, e.g. {@code minimize-20250101-120000}. */
    static Path timestamped(Path parent, String prefix) {
        return parent.resolve(prefix + LocalDateTime.now().format(RUN_NAME));
    }
}
