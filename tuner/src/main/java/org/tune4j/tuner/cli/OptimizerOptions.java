package org.tune4j.tuner.cli;

import org.tune4j.optimizer.AcquisitionKind;
import org.tune4j.optimizer.InitialDesign;
import org.tune4j.optimizer.SurrogateKind;
import org.tune4j.tuner.study.OptimizerSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The optimizer's options, shared by {@code tune}, {@code minimize} and {@code ask}. Defaults: gp_minimize's. */
final class OptimizerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--surrogate", converter = Choices.SurrogateConverter.class,
            completionCandidates = Choices.SurrogateNames.class, paramLabel = "MODEL",
            description = "Surrogate model: ${COMPLETION-CANDIDATES} (default: gp).")
    SurrogateKind surrogate = SurrogateKind.GP;

    @Option(names = "--acq", converter = Choices.AcquisitionConverter.class,
            completionCandidates = Choices.AcquisitionNames.class, paramLabel = "FUNCTION",
            description = "Acquisition function: ${COMPLETION-CANDIDATES} (default: EI).")
    AcquisitionKind acquisition = AcquisitionKind.EI;

    @Option(names = "--xi", paramLabel = "XI", description = "Improvement margin of EI and PI (default: 0.01).")
    double xi = 0.01;

    @Option(names = "--kappa", paramLabel = "KAPPA", description = "Exploration weight of LCB (default: 1.96).")
    double kappa = 1.96;

    @Option(names = "--initial-points", paramLabel = "N",
            description = "Points from the initial design before the surrogate guides (default: 10).")
    Integer initialPoints;

    @Option(names = "--initial-design", converter = Choices.DesignConverter.class,
            completionCandidates = Choices.DesignNames.class, paramLabel = "DESIGN",
            description = "Initial design: ${COMPLETION-CANDIDATES} (default: random).")
    InitialDesign initialDesign = InitialDesign.RANDOM;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the optimizer (and of each trial's training) (default: 0).")
    long seed = 0;

    /** The settings, each option checked with its name in the message. */
    OptimizerSettings settings() {
        return settings(OptimizerSettings.defaults().initialPoints());
    }

    /** As {@link #settings()}, with another number of initial points unless --initial-points is given. */
    OptimizerSettings settings(int defaultInitialPoints) {
        int initial = initialPoints == null ? defaultInitialPoints : initialPoints;
        if (!(xi >= 0) || !Double.isFinite(xi)) {
            throw new ParameterException(spec.commandLine(), "--xi: expected a number >= 0, found " + xi);
        }
        if (!(kappa >= 0) || !Double.isFinite(kappa)) {
            throw new ParameterException(spec.commandLine(), "--kappa: expected a number >= 0, found " + kappa);
        }
        if (initial < 0) {
            throw new ParameterException(spec.commandLine(), "--initial-points: expected a number >= 0, found "
                    + initial);
        }
        return new OptimizerSettings(surrogate, acquisition, xi, kappa, initial, initialDesign, seed);
    }
}
