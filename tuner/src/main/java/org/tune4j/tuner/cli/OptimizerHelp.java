package org.tune4j.tuner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tune4j.optimizer.Parameter;
import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.initial.InitialPointGenerator;
import org.tune4j.optimizer.prune.PrunerFactory;
import org.tune4j.optimizer.surrogate.SurrogateFactory;
import org.tune4j.tuner.registry.OptimizerExtensions;
import org.tune4j.tuner.registry.Registry;
import picocli.CommandLine;

/**
 * The help section of the optimizer's choices: every registered surrogate, acquisition function
 * and initial design with its one-line description and its parameters (name, default, meaning,
 * rule), and for commands that take {@code --prune} every pruner, read from the registries, so a registered extension is documented where it is chosen.
 */
final class OptimizerHelp {
    private OptimizerHelp() {
    }

    /**
     * Adds the section to the help of every subcommand that has the optimizer's options
     * ({@link OptimizerOptions}), before the footer.
     */
    static void addTo(CommandLine top) {
        for (CommandLine sub : top.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--acq") == null) {
                continue;
            }
            boolean prunes = sub.getCommandSpec().findOption("--prune") != null;
            sub.getHelpSectionMap().put("optimizerChoices", help -> choicesText() + (prunes ? prunersText() : ""));
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

    /** The pruners with their parameters, for commands that take --prune. */
    private static String prunersText() {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(nl + "Pruners (--prune; parameters by --prune-param; steps are reports):" + nl);
        Registry<PrunerFactory> pruners = OptimizerExtensions.pruners();
        for (String n : pruners.names()) {
            sb.append(line(n, pruners.get(n).description(), pruners.get(n).parameters()));
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
}
