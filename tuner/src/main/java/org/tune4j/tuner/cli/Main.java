package org.tune4j.tuner.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * Entry point of the tune4j application jar: the top-level command and its subcommands, and the
 * one place where failures become messages. A failure prints {@code tune4j: <message>} on
 * stderr and exits 1 (with the stack trace only under {@code --verbose}); a usage error prints
 * picocli's message and exits 2.
 */
@Command(name = "tune4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Pure-Java CNN engine and Bayesian hyper-parameter optimizer (Hvass-Labs tutorial 19).",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, TuneCommand.class,
                ReportCommand.class, MinimizeCommand.class, AskCommand.class, TellCommand.class,
                DashboardCommand.class, CopyCommand.class})
public final class Main implements Runnable {
    /** Exit code of a failure that is not a usage error. */
    public static final int EXIT_FAILURE = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit code (tests call this). A virtual-machine error
     * that escapes a command (out of memory, a stack overflow) gets the one-line treatment too.
     */
    public static int execute(String... args) {
        return execute(commandLine(), args);
    }

    /** As {@link #execute(String...)} with a given command line. */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (VirtualMachineError e) {
            PrintWriter err = cl.getErr();
            err.println("tune4j: " + Errors.message(e));
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /** The configured command line. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::failure);
        cl.setParameterExceptionHandler(Main::usageError);
        OptimizerHelp.addTo(cl);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int failure(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("tune4j: " + Errors.message(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        } else if (Errors.isBug(e)) {
            err.println("tune4j: (an internal error; run again with --verbose for the stack trace)");
        }
        err.flush();
        return EXIT_FAILURE;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("tune4j: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?");
        }
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tune4j " + (v == null ? "0.1.0-SNAPSHOT" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
