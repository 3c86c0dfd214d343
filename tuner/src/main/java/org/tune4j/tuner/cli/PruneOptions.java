package org.tune4j.tuner.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.optimizer.prune.PrunerFactory;
import org.tune4j.tuner.registry.OptimizerExtensions;
import org.tune4j.tuner.registry.Registry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The pruner's options, shared by {@code tune} and {@code minimize}: {@code --prune NAME} (the
 * names in the registry of pruners, so a registered pruner is a choice without editing this class)
 * and {@code --prune-param NAME=VALUE}, each value checked against the pruner's declared
 * parameters with the option named in the message. Default: no pruning.
 */
final class PruneOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--prune", converter = Pruners.class, completionCandidates = Pruners.class, paramLabel = "PRUNER",
            description = "Stop hopeless trials early from their intermediate reports: ${COMPLETION-CANDIDATES} "
                    + "(default: none).")
    PrunerFactory pruner;

    @Option(names = "--prune-param", paramLabel = "NAME=VALUE",
            description = "A parameter of the pruner by name (repeatable; see the list below).")
    Map<String, Double> parameters = new LinkedHashMap<>();

    /** Whether --prune or --prune-param was given. */
    boolean given() {
        return pruner != null || !parameters.isEmpty();
    }

    /** The settings, each value checked with the option in the message. */
    PrunerConfig settings() {
        if (pruner == null) {
            if (!parameters.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--prune-param: no pruner to take it; give --prune NAME");
            }
            return PrunerConfig.none();
        }
        PrunerConfig c = new PrunerConfig(pruner, Map.of());
        List<Parameter> declared = pruner.parameters();
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            String option = "--prune-param " + e.getKey();
            Optional<Parameter> p = declared.stream().filter(d -> d.name().equals(e.getKey())).findFirst();
            if (p.isEmpty()) {
                throw new ParameterException(spec.commandLine(), option + ": the pruner " + pruner.name()
                        + " has no parameter " + e.getKey() + " (its parameters: " + (declared.isEmpty() ? "none"
                        : String.join(", ", declared.stream().map(Parameter::name).toList())) + ")");
            }
            if (!p.get().check().test(e.getValue())) {
                throw new ParameterException(spec.commandLine(), option + ": expected " + p.get().rule() + ", found "
                        + e.getValue());
            }
            c = c.withParameter(e.getKey(), e.getValue());
        }
        return c;
    }

    /** Refuses settings the pruner cannot be created with for a trial of {@code maxSteps} reports (0: unknown). */
    void requireCreatable(PrunerConfig config, long seed, int maxSteps) {
        try {
            config.create(seed, maxSteps);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--prune " + config.pruner().name() + ": " + e.getMessage());
        }
    }

    /** The registry of pruners as the option's converter and completion candidates. */
    static final class Pruners extends OptimizerOptions.RegistryChoices<PrunerFactory> {
        @Override
        Registry<PrunerFactory> registry() {
            return OptimizerExtensions.pruners();
        }
    }
}
