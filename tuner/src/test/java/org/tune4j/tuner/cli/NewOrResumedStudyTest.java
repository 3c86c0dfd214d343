package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.study.MinimizeConfig;
import org.tune4j.tuner.study.MinimizeStudy;
import org.tune4j.tuner.study.TuneStudy;
import org.tune4j.tuner.study.TutorialSpace;

/** The created-or-resumed run directory shared by tune and minimize. */
class NewOrResumedStudyTest {
    @TempDir
    Path tmp;

    private final MinimizeConfig config = new MinimizeConfig(7, List.of("./objective", "--fast"),
            OptimizerConfig.defaults(), 2.5);

    @Test
    void aResumedStudyHasTheConfigurationItWasCreatedWith() {
        RunLayout dir = new RunLayout(tmp.resolve("run"));
        NewOrResumedStudy<MinimizeConfig> created = NewOrResumedStudy.create(dir, MinimizeStudy.KIND, config,
                MinimizeStudy::configJson, TutorialSpace.defaultSpace());

        NewOrResumedStudy<MinimizeConfig> resumed = NewOrResumedStudy.resume(dir, MinimizeStudy.KIND, null, MinimizeStudy::configOf);

        assertThat(resumed.config()).isEqualTo(config);
        assertThat(resumed.study().space()).isEqualTo(created.study().space());
        assertThat(resumed.study().created()).isEqualTo(created.study().created());
        assertThat(resumed.withConfig(c -> c.withCalls(9)).config().calls()).isEqualTo(9);
    }

    @Test
    void aStudyIsCreatedOnlyOnceAndResumedOnlyByItsKind() {
        RunLayout dir = new RunLayout(tmp.resolve("run"));
        NewOrResumedStudy.create(dir, MinimizeStudy.KIND, config, MinimizeStudy::configJson, TutorialSpace.defaultSpace());

        assertThatThrownBy(() -> NewOrResumedStudy.create(dir, MinimizeStudy.KIND, config, MinimizeStudy::configJson,
                TutorialSpace.defaultSpace())).hasMessageContaining("already holds a study");
        assertThatThrownBy(() -> NewOrResumedStudy.resume(dir, TuneStudy.KIND, null, TuneStudy::configOf))
                .hasMessageContaining("not \"tune\"");
    }

    @Test
    void theDefaultRunNameIsThePrefixAndTheDateAndTime() {
        assertThat(NewOrResumedStudy.timestamped(tmp, "minimize-").getFileName().toString())
                .matches("minimize-\\d{8}-\\d{6}");
        assertThat(NewOrResumedStudy.timestamped(tmp, "").getParent()).isEqualTo(tmp);
    }
}
