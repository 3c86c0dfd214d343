package org.tune4j.tuner.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import picocli.CommandLine;

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

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the optimizer (and of each trial's training) (default: 0).")
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
        Map<String, Double> acq = new LinkedHashMap<>();
        acquisitionParameters.forEach((name, v) -> acq.put(name, v));
        Map<String, String> optionOf = new LinkedHashMap<>();
        acq.keySet().forEach(name -> optionOf.put(name, "--acq-param " + name));
        if (xi != null) {
            acq.put("xi", xi);
            optionOf.put("xi", "--xi");
        }
        if (kappa != null) {
            acq.put("kappa", kappa);
            optionOf.put("kappa", "--kappa");
        }
        for (Map.Entry<String, Double> e : acq.entrySet()) {
            String option = optionOf.get(e.getKey());
            check(option, "acquisition function " + c.acquisition().name(), c.acquisition().parameters(), e);
            c = c.withAcquisitionParameter(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Double> e : surrogateParameters.entrySet()) {
            check("--surrogate-param " + e.getKey(), "surrogate " + c.surrogate().name(), c.surrogate().parameters(), e);
            c = c.withSurrogateParameter(e.getKey(), e.getValue());
        }
        return c;
    }

    /** Refuses, naming the option, a parameter the extension does not declare or a value its rule forbids. */
    private void check(String option, String owner, List<Parameter> declared, Map.Entry<String, Double> given) {
        Optional<Parameter> p = declared.stream().filter(d -> d.name().equals(given.getKey())).findFirst();
        if (p.isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + ": the " + owner + " has no parameter "
                    + given.getKey() + " (its parameters: " + (declared.isEmpty() ? "none"
                    : String.join(", ", declared.stream().map(Parameter::name).toList())) + ")");
        }
        if (!p.get().check().test(given.getValue())) {
            throw new ParameterException(spec.commandLine(), option + ": expected " + p.get().rule() + ", found "
                    + given.getValue());
        }
    }

    /**
     * Adds to the help of every subcommand with these options a section listing each choice with
     * its description and parameters, from the registries.
     */
    static void describeChoices(CommandLine top) {
        for (CommandLine sub : top.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--acq") == null) {
                continue;
            }
            sub.getHelpSectionMap().put("optimizerChoices", help -> choicesText());
            List<String> keys = new ArrayList<>(sub.getHelpSectionKeys());
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), "optimizerChoices");
            sub.setHelpSectionKeys(keys);
        }
    }

    private static String choicesText() {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(nl + "Surrogates (--surrogate; parameters by --surrogate-param):" + nl);
        Registry<SurrogateFactory> surrogates = OptimizerExtensions.surrogates();
        for (String n : surrogates.names()) {
            sb.append(line(n, surrogates.get(n).description(), surrogates.get(n).parameters()));
        }
        sb.append("Acquisition functions (--acq; parameters by --acq-param):").append(nl);
        Registry<AcquisitionFactory> acquisitions = OptimizerExtensions.acquisitions();
        for (String n : acquisitions.names()) {
            sb.append(line(n, acquisitions.get(n).description(), acquisitions.get(n).parameters()));
        }
        sb.append("Initial designs (--initial-design):").append(nl);
        Registry<InitialPointGenerator> designs = OptimizerExtensions.designs();
        for (String n : designs.names()) {
            sb.append(line(n, designs.get(n).description(), List.of()));
        }
        return sb.toString();
    }

    /** "  name  description" and one indented line per parameter: "name=default: what (rule)". */
    private static String line(String name, String description, List<Parameter> parameters) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-12s %s", name, description)).append(nl);
        for (Parameter p : parameters) {
            double d = p.defaultValue();
            sb.append(String.format(Locale.ROOT, "  %-12s   %s=%s: %s (%s)", "", p.name(),
                    d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d), p.description(), p.rule()))
                    .append(nl);
        }
        return sb.toString();
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
