package org.tune4j.optimizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * A numeric parameter that an acquisition function or a surrogate declares (xi, kappa, the number
 * of trees, ...): its name as files and the command line spell it, what it means, its default and
 * the rule a value must satisfy. Declaring a parameter is all a new extension needs: the settings
 * ({@link OptimizerConfig}) carry the values by name, complete them with the defaults and check
 * them, and the extension reads them back when it creates itself.
 *
 * @param name         the spelling in files and on the command line ({@code "xi"})
 * @param description  what it means, one line for help texts
 * @param defaultValue the value when none is given (satisfies the rule)
 * @param check        the rule a value must satisfy
 * @param rule         the rule in words, for messages ({@code "a number >= 0"})
 */
public record Parameter(String name, String description, double defaultValue, DoublePredicate check, String rule) {

    public Parameter {
        if (name == null || name.isBlank() || description == null || check == null || rule == null) {
            throw new IllegalArgumentException("Parameter: expected a name, a description, a check and a rule, found "
                    + name + ", " + description + ", " + check + ", " + rule);
        }
        if (!check.test(defaultValue)) {
            throw new IllegalArgumentException("parameter " + name + ": the default must be " + rule + ", found "
                    + defaultValue);
        }
    }

    /** A finite number {@code >= 0}. */
    public static Parameter nonNegative(String name, double defaultValue, String description) {
        return new Parameter(name, description, defaultValue, v -> Double.isFinite(v) && v >= 0, "a number >= 0");
    }

    /** A finite number {@code > 0}. */
    public static Parameter positive(String name, double defaultValue, String description) {
        return new Parameter(name, description, defaultValue, v -> Double.isFinite(v) && v > 0, "a number > 0");
    }

    /** A whole number {@code >= min}. */
    public static Parameter integerAtLeast(String name, int defaultValue, int min, String description) {
        return new Parameter(name, description, defaultValue,
                v -> v >= min && v == Math.rint(v) && v <= Integer.MAX_VALUE, "an integer >= " + min);
    }

    /**
     * The values of {@code declared}, in declaration order: those {@code given}, checked, and the
     * defaults of the others.
     *
     * @param owner what declares them, for messages ({@code "acquisition EI"})
     * @throws IllegalArgumentException for a value that breaks its rule or a name that is not declared
     */
    public static Map<String, Double> resolve(String owner, List<Parameter> declared, Map<String, Double> given) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Parameter p : declared) {
            Double v = given.get(p.name());
            if (v != null && !p.check().test(v)) {
                throw new IllegalArgumentException(owner + ", parameter " + p.name() + ": expected " + p.rule()
                        + ", found " + v);
            }
            values.put(p.name(), v == null ? p.defaultValue() : v);
        }
        for (String name : given.keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(owner + " has no parameter '" + name + "'; its parameters: "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.stream().map(Parameter::name)
                                .toList())));
            }
        }
        return Collections.unmodifiableMap(values);
    }
}
