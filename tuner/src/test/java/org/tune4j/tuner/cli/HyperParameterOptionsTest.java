package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.ConvSpec;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.tuner.study.HyperParameter;
import org.tune4j.tuner.study.HyperParameters;
import org.tune4j.tuner.study.TrialPlan;
import org.tune4j.tuner.study.TutorialHyperParameters;
import picocli.CommandLine;

/** {@code train}'s hyper-parameter options come from the table, one per entry. */
class HyperParameterOptionsTest {

    private static CommandLine train(String... args) {
        CommandLine cl = new CommandLine(new TrainCommand());
        cl.parseArgs(args);
        return cl;
    }

    @Test
    void everyEntryOfTheTableIsAnOptionOfTrainWithItsDefaultInTheHelp() {
        CommandLine cl = train();
        String help = cl.getUsageMessage();
        for (HyperParameter p : TutorialHyperParameters.TABLE) {
            assertThat(cl.getCommandSpec().findOption(p.option())).as(p.option()).isNotNull();
            assertThat(help).contains(p.option());
        }
        assertThat(help).contains("(default: 0.001)").contains("relu, sigmoid, tanh").contains("(default: relu)")
                .contains("--kernel-size=N").contains("--conv-layers=N");
    }

    @Test
    void withoutOptionsTrainBuildsTheTutorialNetworkWithKerasLearningRate() {
        HyperParameters hp = HyperParameterOptions.given(train().getCommandSpec());

        TrialPlan plan = hp.plan(1, 28, 28, 10);

        assertThat(plan.network()).isEqualTo(NetworkSpec.tutorial(1, 16, Activation.RELU));
        assertThat(plan.learningRate()).isEqualTo(1e-3);
        assertThat(plan.batchSize()).isEqualTo(128);
    }

    @Test
    void everyNetworkHyperParameterTheStudyCanSearchIsAnOption() {
        HyperParameters hp = HyperParameterOptions.given(train("--lr", "2e-4", "--dense-layers", "2", "--dense-nodes",
                "64", "--activation", "TANH", "--kernel-size", "3", "--conv1-filters", "8", "--conv2-filters", "12",
                "--conv-layers", "3", "--batch-size", "32").getCommandSpec());

        TrialPlan plan = hp.plan(1, 28, 28, 10);

        assertThat(plan.network()).isEqualTo(new NetworkSpec(1, 28, 28, 10,
                java.util.List.of(new ConvSpec(8, 3), new ConvSpec(12, 3), new ConvSpec(12, 3)), 2, 64, Activation.TANH));
        assertThat(plan.learningRate()).isEqualTo(2e-4);
        assertThat(plan.batchSize()).isEqualTo(32);
        assertThat(hp.values()).containsEntry("activation", "tanh");
    }

    @Test
    void aBadValueIsNamedByItsOption() {
        assertThatThrownBy(() -> HyperParameterOptions.given(train("--lr", "0").getCommandSpec()))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--lr: expected a learning rate > 0, found 0.0");
        assertThatThrownBy(() -> HyperParameterOptions.given(train("--dense-layers", "-1").getCommandSpec()))
                .hasMessage("--dense-layers: expected at least 0, found -1");
        assertThatThrownBy(() -> HyperParameterOptions.given(train("--kernel-size", "three").getCommandSpec()))
                .hasMessage("--kernel-size: expected an integer, found 'three'");
        assertThatThrownBy(() -> HyperParameterOptions.given(train("--activation", "swish").getCommandSpec()))
                .hasMessage("--activation: expected one of relu, sigmoid, tanh, found 'swish'");
        assertThat(HyperParameterOptions.given(train().getCommandSpec()).values())
                .containsEntry(TutorialHyperParameters.LEARNING_RATE, 1e-3).isNotEqualTo(Map.of());
    }
}
