package org.tune4j.optimizer.prune;

import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.Parameter;

/**
 * The extension point of pruners: one implementation per rule, registered by one line (its binary
 * name) in {@code META-INF/services/org.tune4j.optimizer.prune.PrunerFactory}, found by
 * {@link java.util.ServiceLoader} (the tuner's {@code --prune} choices are these names).
 *
 * <p>Life cycle: stateless (a record without components, or a class with a public no-arg
 * constructor); {@link #create} is called once per study with the values of the declared
 * {@link #parameters} (every one present, checked, defaults filled in: see {@link PrunerConfig})
 * and returns the study's {@link Pruner}.
 */
public interface PrunerFactory {

    /** The name files and the command line use ({@code "median"}); unique among pruners, any case. */
    String name();

    /** One line for help texts and the docs. */
    String description();

    /** The numeric parameters the rule takes (none by default). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * A pruner for one study.
     *
     * @param parameters the values of {@link #parameters} by name
     * @param seed       the study's seed (rules that draw, like Hyperband's brackets, draw from it)
     * @param maxSteps   the reports of a full trial (its last step), or 0 when unknown (an external command)
     * @throws IllegalArgumentException when the parameters do not fit (naming the parameter)
     */
    Pruner create(Map<String, Double> parameters, long seed, int maxSteps);
}
