package org.tune4j.engine.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The one place the engine finds an extension by name: every implementation of an extension
 * point's interface registered with {@link ServiceLoader} (one line, the class's binary name, in
 * {@code META-INF/services/<interface>} of any jar or test class path), matched by its name in any
 * case. The tuner's {@code Registry} does the same at the CLI edge; the engine, which knows no
 * tuner, uses this class where it reads a name from a file.
 */
public final class Providers {

    private Providers() {
    }

    /** Every registered implementation of {@code type}, in the class path's order. */
    public static <P> List<P> all(Class<P> type) {
        List<P> out = new ArrayList<>();
        ServiceLoader.load(type, type.getClassLoader()).forEach(out::add);
        return out;
    }

    /**
     * The implementation of {@code type} named {@code wanted} (any case, surrounding blanks ignored).
     *
     * @param kind what one implementation is, for the message ("activation")
     * @param name an implementation's name
     * @throws IllegalArgumentException naming the registered names when none matches
     */
    public static <P> P byName(Class<P> type, String kind, Function<? super P, String> name, String wanted) {
        return find(type, name, wanted).orElseThrow(() -> new IllegalArgumentException("unknown " + kind + " '"
                + wanted + "', expected one of: " + String.join(", ", all(type).stream().map(name).toList())));
    }

    /** The implementation of {@code type} named {@code wanted} (any case, surrounding blanks ignored), if any. */
    public static <P> Optional<P> find(Class<P> type, Function<? super P, String> name, String wanted) {
        String key = wanted == null ? "" : wanted.strip().toLowerCase(Locale.ROOT);
        return all(type).stream().filter(p -> name.apply(p).toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }
}
