package org.tune4j.optimizer.acquisition;

import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.Parameter;

/**
 * The extension point of acquisition functions: one implementation per function, registered by
 * one line (its binary name) in {@code META-INF/services/org.tune4j.optimizer.acquisition.AcquisitionFactory},
 * found by {@link java.util.ServiceLoader} (the tuner's {@code --acq} choices are these names).
 *
 * <p>Life cycle: stateless (a record without components, or a class with a public no-arg
 * constructor); {@link #create} is called once per optimizer with the values of the declared
 * {@link #parameters} (every one present, checked, defaults filled in) and returns that
 * optimizer's own {@link AcquisitionPolicy}. A plain function returns
 * {@code AcquisitionPolicy.of(new MyFunction(...))}.
 */
public interface AcquisitionFactory {

    /** The name files and the command line use ({@code "EI"}); unique among acquisition functions, any case. */
    String name();

    /** One line for help texts and the docs. */
    String description();

    /** The numeric parameters the function takes (none by default). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** A fresh policy for one optimizer, from the values of {@link #parameters} by name. */
    AcquisitionPolicy create(Map<String, Double> parameters);
}
