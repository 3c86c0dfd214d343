package org.tune4j.tuner.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.initial.InitialPointGenerator;
import org.tune4j.optimizer.surrogate.SurrogateFactory;
import org.tune4j.tuner.registry.OptimizerExtensions;
import org.tune4j.tuner.registry.Registry;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The optimizer's options, shared by {@code tune}, {@code minimize} and {@code ask}: the one place
 * where names become the optimizer's objects. The choices of {@code --surrogate}, {@code --acq}
 * and {@code --initial-design} are the names in the registries ({@link OptimizerExtensions}), so a
 * registered extension is a choice without editing this class. Defaults: gp_minimize's
 * ({@link OptimizerConfig#defaults()}).
 */
final class OptimizerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--surrogate", converter = Surrogates.class, completionCandidates = Surrogates.class,
            paramLabel = "MODEL", description = "Surrogate model: ${COMPLETION-CANDIDATES} (default: gp).")
    SurrogateFactory surrogate;

    @Option(names = "--acq", converter = Acquisitions.class, completionCandidates = Acquisitions.class,
            paramLabel = "FUNCTION", description = "Acquisition function: ${COMPLETION-CANDIDATES} (default: EI).")
    AcquisitionFactory acquisition;

    @Option(names = "--xi", paramLabel = "XI", description = "Improvement margin of EI, PI and hedge (default: 0.01).")
    Double xi;

    @Option(names = "--kappa", paramLabel = "KAPPA", description = "Exploration weight of LCB and hedge (default: 1.96).")
    Double kappa;

    @Option(names = "--acq-param", paramLabel = "NAME=VALUE",
            description = "A parameter of the acquisition function by name (repeatable; see the list below).")
    Map<String, Double> acquisitionParameters = new LinkedHashMap<>();

    @Option(names = "--surrogate-param", paramLabel = "NAME=VALUE",
            description = "A parameter of the surrogate by name (repeatable; see the list below).")
    Map<String, Double> surrogateParameters = new LinkedHashMap<>();

    @Option(names = "--initial-points", paramLabel = "N",
            description = "Points from the initial design before the surrogate guides (default: 10).")
    Integer initialPoints;

    @Option(names = "--initial-design", converter = Designs.class, completionCandidates = Designs.class,
            paramLabel = "DESIGN", description = "Initial design: ${COMPLETION-CANDIDATES} (default: random).")
    InitialPointGenerator initialDesign;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the optimizer (default: 0); tune also seeds each trial's training with it (seed + trial number).")
    long seed = 0;

    /** The settings, each option checked with its name in the message. */
    OptimizerConfig settings() {
        return settings(OptimizerConfig.defaults().initialPoints());
    }

    /** As {@link #settings()}, with another number of initial points unless --initial-points is given. */
    OptimizerConfig settings(int defaultInitialPoints) {
        OptimizerConfig c = OptimizerConfig.defaults().withSeed(seed);
        if (surrogate != null) {
            c = c.withSurrogate(surrogate);
        }
        if (acquisition != null) {
            c = c.withAcquisition(acquisition);
        }
        if (initialDesign != null) {
            c = c.withInitialDesign(initialDesign);
        }
        int initial = initialPoints == null ? defaultInitialPoints : initialPoints;
        if (initial < 0) {
            throw new ParameterException(spec.commandLine(), "--initial-points: expected a number >= 0, found "
                    + initial);
        }
        c = c.withInitialPoints(initial);
        for (Map.Entry<String, Double> e : acquisitionParameters.entrySet()) {
            c = withAcquisitionParameter(c, "--acq-param " + e.getKey(), e.getKey(), e.getValue());
        }
        if (xi != null) {
            c = withAcquisitionParameter(c, "--xi", "xi", xi);
        }
        if (kappa != null) {
            c = withAcquisitionParameter(c, "--kappa", "kappa", kappa);
        }
        for (Map.Entry<String, Double> e : surrogateParameters.entrySet()) {
            String option = "--surrogate-param " + e.getKey();
            check(option, "surrogate " + c.surrogate().name(), c.surrogate().parameters(), e.getKey(), e.getValue());
            c = c.withSurrogateParameter(e.getKey(), e.getValue());
        }
        return c;
    }

    private OptimizerConfig withAcquisitionParameter(OptimizerConfig c, String option, String name, double value) {
        if (!option.startsWith("--acq-param") && acquisitionParameters.containsKey(name)) {
            throw new ParameterException(spec.commandLine(), option + " and --acq-param " + name + " both set "
                    + name + "; give one of them");
        }
        check(option, "acquisition function " + c.acquisition().name(), c.acquisition().parameters(), name, value);
        return c.withAcquisitionParameter(name, value);
    }

    /** Refuses, naming the option, a parameter the extension does not declare or a value its rule forbids. */
    private void check(String option, String owner, List<Parameter> declared, String name, double value) {
        Optional<Parameter> p = declared.stream().filter(d -> d.name().equals(name)).findFirst();
        if (p.isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + ": the " + owner + " has no parameter " + name
                    + " (its parameters: " + (declared.isEmpty() ? "none"
                    : String.join(", ", declared.stream().map(Parameter::name).toList())) + ")");
        }
        if (!p.get().check().test(value)) {
            throw new ParameterException(spec.commandLine(), option + ": expected " + p.get().rule() + ", found "
                    + value);
        }
    }

    /** A registry as a picocli converter (names to objects) and completion candidates (its names). */
    abstract static class RegistryChoices<T> implements ITypeConverter<T>, Iterable<String> {
        abstract Registry<T> registry();

        @Override
        public T convert(String name) {
            try {
                return registry().get(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public Iterator<String> iterator() {
            return registry().names().iterator();
        }
    }

    static final class Surrogates extends RegistryChoices<SurrogateFactory> {
        @Override
        Registry<SurrogateFactory> registry() {
            return OptimizerExtensions.surrogates();
        }
    }

    static final class Acquisitions extends RegistryChoices<AcquisitionFactory> {
        @Override
        Registry<AcquisitionFactory> registry() {
            return OptimizerExtensions.acquisitions();
        }
    }

    static final class Designs extends RegistryChoices<InitialPointGenerator> {
        @Override
        Registry<InitialPointGenerator> registry() {
            return OptimizerExtensions.designs();
        }
    }
}
