package org.tune4j.tuner.study;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One hyper-parameter of the tutorial's network family, described once: its name (as in space
 * files), the type of dimension that may search it, its default, its lower bound, how it is
 * spelled in a trial's log directory and on {@code tune4j train}'s command line, and how its value
 * is applied to a trial (the network or the training). {@link TutorialHyperParameters#TABLE} lists
 * them all; adding one is one entry there.
 *
 * <p>Values are canonical as in the optimizer's spaces: {@code Double} for {@link Type#REAL},
 * {@code Integer} for {@link Type#INTEGER}, {@code String} (one of {@link #choices}) for
 * {@link Type#CATEGORICAL}.
 *
 * @param name           the name in space files, study.json and results.json, e.g. {@code num_dense_nodes}
 * @param type           the type of dimension that may search it
 * @param defaultValue   the value when a space leaves it out (the tutorial's x0 and network)
 * @param minimum        the smallest valid value of a numeric hyper-parameter (ignored for categorical)
 * @param minimumExcluded true when {@code minimum} itself is invalid (a learning rate must be > 0)
 * @param choices        the valid values of a categorical hyper-parameter (empty for numeric ones)
 * @param logTag         prefix of its part of the log directory name ({@code nodes} in
 *                       {@code nodes_16}); empty to write the value alone ({@code relu})
 * @param alwaysLogged   true for the tutorial's four, named in every log directory; the others are
 *                       named only when the space searches them
 * @param option         the option of {@code tune4j train}, e.g. {@code --dense-nodes}
 * @param description    one line for {@code --help}
 * @param apply          the trial with this hyper-parameter set to a (canonical, checked) value
 */
public record HyperParameter(String name, Type type, Object defaultValue, double minimum, boolean minimumExcluded,
                             List<String> choices, String logTag, boolean alwaysLogged, String option,
                             String description, BiFunction<TrialPlan, Object, TrialPlan> apply) {

    /** The type of dimension a hyper-parameter is searched with, as a space file names it. */
    public enum Type {
        REAL, INTEGER, CATEGORICAL;

        /** The spelling of a space file's {@code "type"} field. */
        public String spaceName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HyperParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(logTag, "logTag");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(apply, "apply");
        choices = List.copyOf(choices);
        if (type == Type.CATEGORICAL && choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a categorical hyper-parameter needs choices, found none");
        }
        if (!option.startsWith("--")) {
            throw new IllegalArgumentException(name + ": expected an option starting with --, found \"" + option + "\"");
        }
        defaultValue = check(name, type, minimum, minimumExcluded, choices, name, defaultValue);
    }

    /** A real hyper-parameter that must be greater than {@code exclusiveMinimum}. */
    public static HyperParameter real(String name, double defaultValue, double exclusiveMinimum, String logTag,
                                      boolean alwaysLogged, String option, String description,
                                      BiFunction<TrialPlan, Object, TrialPlan> apply) {
        return new HyperParameter(name, Type.REAL, defaultValue, exclusiveMinimum, true, List.of(), logTag, alwaysLogged,
                option, description, apply);
    }

    /** An integer hyper-parameter of at least {@code minimum}. */
    public static HyperParameter integer(String name, int defaultValue, int minimum, String logTag, boolean alwaysLogged,
                                         String option, String description,
                                         BiFunction<TrialPlan, Object, TrialPlan> apply) {
        return new HyperParameter(name, Type.INTEGER, defaultValue, minimum, false, List.of(), logTag, alwaysLogged,
                option, description, apply);
    }

    /** A categorical hyper-parameter among {@code choices}. */
    public static HyperParameter categorical(String name, String defaultValue, List<String> choices, String logTag,
                                             boolean alwaysLogged, String option, String description,
                                             BiFunction<TrialPlan, Object, TrialPlan> apply) {
        return new HyperParameter(name, Type.CATEGORICAL, defaultValue, 0, false, choices, logTag, alwaysLogged, option,
                description, apply);
    }

    /**
     * The canonical value of {@code value} (a number of the right kind, or a choice in any case).
     *
     * @throws IllegalArgumentException naming the hyper-parameter, what was expected and what was found
     */
    public Object valueOf(Object value) {
        return valueOf(value, name);
    }

    /** As {@link #valueOf(Object)}, with errors starting {@code label:} (the option, on a command line). */
    public Object valueOf(Object value, String label) {
        return check(label, type, minimum, minimumExcluded, choices, name, value);
    }

    /**
     * The value of a command-line argument (a number, or a choice in any case), checked as
     * {@link #valueOf}; errors start with {@code label}.
     */
    public Object parse(String text, String label) {
        if (type == Type.CATEGORICAL) {
            return valueOf(text, label);
        }
        Number number;
        try {
            number = type == Type.REAL ? (Number) Double.parseDouble(text.strip()) : (Number) Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + ": expected " + (type == Type.REAL ? "a number" : "an integer")
                    + ", found '" + text + "'");
        }
        return valueOf(number, label);
    }

    /** What a valid value is, for messages: {@code at least 1}, {@code a learning rate > 0}, {@code one of relu, tanh}. */
    public String validRange() {
        return validRange(type, minimum, minimumExcluded, choices, name);
    }

    /** True when a numeric value (a space's lower bound, say) is valid for this hyper-parameter. */
    public boolean admits(double value) {
        return admits(minimum, minimumExcluded, value);
    }

    private static boolean admits(double minimum, boolean minimumExcluded, double value) {
        return minimumExcluded ? value > minimum : value >= minimum;
    }

    /** This hyper-parameter's part of a log directory name: {@code nodes_16}, {@code lr_1e-05}, {@code relu}. */
    public String logPart(Object value) {
        String shown = type == Type.REAL ? String.format(Locale.ROOT, "%.0e", (Double) value) : String.valueOf(value);
        return logTag.isEmpty() ? shown : logTag + "_" + shown;
    }

    private static Object check(String label, Type type, double minimum, boolean minimumExcluded, List<String> choices,
                                String name, Object value) {
        switch (type) {
            case REAL -> {
                if (value instanceof Number n && Double.isFinite(n.doubleValue())
                        && admits(minimum, minimumExcluded, n.doubleValue())) {
                    return n.doubleValue();
                }
            }
            case INTEGER -> {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && admits(minimum, minimumExcluded, n.doubleValue()) && n.doubleValue() <= Integer.MAX_VALUE) {
                    return (int) n.doubleValue();
                }
            }
            case CATEGORICAL -> {
                for (String c : choices) {
                    if (value instanceof String s && c.equalsIgnoreCase(s.strip())) {
                        return c;
                    }
                }
                return fail(label, validRange(type, minimum, minimumExcluded, choices, name), "'" + value + "'");
            }
        }
        return fail(label, validRange(type, minimum, minimumExcluded, choices, name), String.valueOf(value));
    }

    private static Object fail(String label, String expected, String found) {
        throw new IllegalArgumentException(label + ": expected " + expected + ", found " + found);
    }

    private static String validRange(Type type, double minimum, boolean minimumExcluded, List<String> choices,
                                     String name) {
        if (type == Type.CATEGORICAL) {
            return "one of " + String.join(", ", choices);
        }
        String bound = type == Type.INTEGER ? Long.toString((long) minimum) : formatReal(minimum);
        return minimumExcluded ? "a " + name.replace('_', ' ') + " > " + bound : "at least " + bound;
    }

    private static String formatReal(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
