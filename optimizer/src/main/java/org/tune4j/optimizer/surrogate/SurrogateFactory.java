package org.tune4j.optimizer.surrogate;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.Parameter;

/**
 * The extension point of surrogate models: one implementation per model, registered by one line
 * (its binary name) in {@code META-INF/services/org.tune4j.optimizer.surrogate.SurrogateFactory},
 * found by {@link java.util.ServiceLoader} (the tuner's {@code --surrogate} choices are these names).
 *
 * <p>Life cycle: stateless (a record without components, or a class with a public no-arg
 * constructor); the optimizer calls {@link #create} for every fit, with the values of the
 * declared {@link #parameters} (every one present, checked, defaults filled in) and that fit's
 * random stream, then fits the new surrogate once (no warm start, so a replayed study refits
 * exactly as the original did).
 */
public interface SurrogateFactory {

    /** The name files and the command line use ({@code "gp"}); unique among surrogates, any case. */
    String name();

    /** One line for help texts and the docs. */
    String description();

    /** The numeric parameters the model takes (none by default). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Whether this factory builds a model at all; false only for random search, whose every ask
     * after the initial design is a random draw ({@link #create} is then never called).
     */
    default boolean buildsModel() {
        return true;
    }

    /** A fresh, unfitted surrogate from the values of {@link #parameters} by name. */
    Surrogate create(Map<String, Double> parameters, RandomGenerator rng);
}
