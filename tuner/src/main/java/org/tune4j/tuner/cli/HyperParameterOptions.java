package org.tune4j.tuner.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tune4j.engine.train.TrainConfig;
import org.tune4j.tuner.study.HyperParameter;
import org.tune4j.tuner.study.HyperParameters;
import org.tune4j.tuner.study.TrialPlan;
import org.tune4j.tuner.study.TutorialHyperParameters;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code tune4j train}'s hyper-parameter options, one per entry of
 * {@link TutorialHyperParameters#TABLE} ({@code --lr}, {@code --dense-layers}, ...,
 * {@code --conv-layers}): generated from the table, so a new hyper-parameter gets its option
 * without an edit here. Added to the command's model by picocli (a model transformer); values are
 * read back and checked by {@link #given}.
 *
 * <p>Defaults are the tutorial's x0 and network ({@link HyperParameters#tutorialDefault}) except
 * the learning rate, Keras' Adam default 1e-3: {@code train} trains one good network, it does not
 * start a search.
 */
public final class HyperParameterOptions implements CommandLine.IModelTransformer {

    /** What {@code train} trains when no option is given. */
    static HyperParameters trainDefaults() {
        return HyperParameters.tutorialDefault(TrainConfig.DEFAULT_BATCH_SIZE)
                .with(Map.of(TutorialHyperParameters.LEARNING_RATE, TrialPlan.KERAS_ADAM_LEARNING_RATE));
    }

    @Override
    public CommandSpec transform(CommandSpec spec) {
        HyperParameters defaults = trainDefaults();
        for (HyperParameter p : defaults.table()) {
            String description = p.description().replaceAll("\\.$", "")
                    + (p.type() == HyperParameter.Type.CATEGORICAL ? ": " + String.join(", ", p.choices()) : "")
                    + " (default: " + defaults.valueOf(p.name()) + ").";
            spec.addOption(OptionSpec.builder(p.option())
                    .type(String.class)
                    .paramLabel(switch (p.type()) {
                        case REAL -> "VALUE";
                        case INTEGER -> "N";
                        case CATEGORICAL -> "NAME";
                    })
                    .completionCandidates(p.type() == HyperParameter.Type.CATEGORICAL ? p.choices() : null)
                    .description(description)
                    .build());
        }
        return spec;
    }

    /**
     * {@code train}'s defaults overridden by the options given on the command line.
     *
     * @throws ParameterException naming the option, what was expected and what was found
     */
    static HyperParameters given(CommandSpec spec) {
        HyperParameters defaults = trainDefaults();
        Map<String, Object> given = new LinkedHashMap<>();
        for (HyperParameter p : defaults.table()) {
            String text = spec.findOption(p.option()).getValue();
            if (text != null) {
                try {
                    given.put(p.name(), p.parse(text, p.option()));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            }
        }
        return defaults.with(given);
    }
}
