package org.tune4j.tuner.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.tune4j.engine.spi.Providers;

/**
 * The implementations of one extension point, by name, listed once for the command line's
 * choices and help. They are found with {@link java.util.ServiceLoader} (through the engine's
 * {@link Providers}): a class is registered by one line, its binary name, in
 * {@code META-INF/services/<the extension point's interface>} of any jar (or test class path) on
 * the class path, so a library user adds their own without editing tune4j. Names are matched
 * case-insensitively; two implementations with the same name are refused.
 *
 * @param <P> the extension point's interface
 */
public final class Registry<P> {
    private final String kind;
    private final Map<String, P> byKey = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();

    /**
     * The registry of the given items.
     *
     * @param kind  what one item is, for messages ("acquisition function")
     * @param items the items, in the order their names are listed
     * @param name  an item's name
     */
    public Registry(String kind, Iterable<? extends P> items, Function<? super P, String> name) {
        this.kind = kind;
        for (P item : items) {
            String n = name.apply(item);
            if (n == null || n.isBlank()) {
                throw new IllegalStateException(kind + " " + item.getClass().getName() + " has no name");
            }
            P previous = byKey.putIfAbsent(key(n), item);
            if (previous != null) {
                throw new IllegalStateException("two " + kind + "s are named '" + n + "': "
                        + previous.getClass().getName() + " and " + item.getClass().getName());
            }
            names.add(n);
        }
    }

    /** Every implementation of {@code type} registered on the class path of {@code type}'s loader. */
    public static <P> Registry<P> load(Class<P> type, String kind, Function<? super P, String> name) {
        return new Registry<>(kind, Providers.all(type), name);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The item named {@code name} (any case). */
    public P get(String name) {
        P item = name == null ? null : byKey.get(key(name));
        if (item == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; expected one of "
                    + String.join(", ", names));
        }
        return item;
    }

    /** Whether an item is named {@code name} (any case). */
    public boolean contains(String name) {
        return name != null && byKey.containsKey(key(name));
    }

    /** The names, built-ins first, as registered. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** What one item is ("acquisition function"). */
    public String kind() {
        return kind;
    }
}
