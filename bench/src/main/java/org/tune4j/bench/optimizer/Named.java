package org.tune4j.bench.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The registered implementation of an optimizer extension point with a given name (any case),
 * for the benchmarks' {@code @Param} and command-line strings; the tuner's registry does this for
 * the CLI, but the benchmarks do not depend on the tuner.
 */
final class Named {
    private Named() {
    }

    static <T> T find(Class<T> type, Function<T, String> name, String wanted) {
        List<String> known = new ArrayList<>();
        for (T item : ServiceLoader.load(type)) {
            if (name.apply(item).equalsIgnoreCase(wanted)) {
                return item;
            }
            known.add(name.apply(item));
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + wanted + "'; expected one of "
                + known);
    }
}
