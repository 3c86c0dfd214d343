package org.tune4j.tuner.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.Dimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;

/**
 * The search spaces of the tutorial study: the original four dimensions (resource
 * {@code default-space.json}), the checks a {@code --space} file must pass to drive the
 * tutorial's network (read from the table of {@link TutorialHyperParameters}), and the default
 * point x0 = [1e-5, 1, 16, relu].
 */
public final class TutorialSpace {
    private static final String RESOURCE = "default-space.json";

    private TutorialSpace() {
    }

    /** learning_rate 1e-6..1e-2 log-uniform, num_dense_layers 1..5, num_dense_nodes 5..512, activation relu|sigmoid. */
    public static Space defaultSpace() {
        try (InputStream in = TutorialSpace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the tune4j jar");
            }
            return SpaceFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "resource " + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that every dimension of {@code space} is a hyper-parameter of the tutorial's network
     * with the right type and bounds ({@code source} names the file in errors).
     */
    public static void check(Space space, String source) {
        check(space, source, TutorialHyperParameters.TABLE);
    }

    /** As {@link #check(Space, String)}, against the hyper-parameters of {@code table}. */
    public static void check(Space space, String source, List<HyperParameter> table) {
        HyperParameters known = HyperParameters.defaults(table);
        for (Dimension d : space.dimensions()) {
            String where = source + ": dimension \"" + d.name() + "\"";
            if (!known.names().contains(d.name())) {
                throw new IllegalArgumentException(where + " is not a hyper-parameter of the tutorial's network; "
                        + "expected one of " + known.names());
            }
            HyperParameter p = known.parameter(d.name());
            String type = p.type().spaceName();
            if (d instanceof RealDimension r && p.type() == HyperParameter.Type.REAL) {
                requireLow(p, r.low(), where);
            } else if (d instanceof IntegerDimension i && p.type() == HyperParameter.Type.INTEGER) {
                requireLow(p, i.low(), where);
            } else if (d instanceof CategoricalDimension c && p.type() == HyperParameter.Type.CATEGORICAL) {
                for (String category : c.categories()) {
                    try {
                        p.valueOf(category, "field \"categories\"");
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                    }
                }
            } else {
                throw new IllegalArgumentException(where + ": expected type " + type);
            }
        }
    }

    private static void requireLow(HyperParameter p, double low, String where) {
        if (!p.admits(low)) {
            throw new IllegalArgumentException(where + ": field \"low\": expected " + p.validRange() + ", found "
                    + (p.type() == HyperParameter.Type.INTEGER ? Long.toString((long) low) : Double.toString(low)));
        }
    }

    /**
     * The tutorial's default point restricted to the space's dimensions, when it lies inside the
     * space (a space that excludes it, e.g. other learning rates, starts without it).
     */
    public static Optional<Map<String, Object>> defaultPoint(Space space, int batchSize) {
        HyperParameters x0 = HyperParameters.tutorialDefault(batchSize);
        Map<String, Object> point = new LinkedHashMap<>();
        for (String name : space.names()) {
            point.put(name, x0.valueOf(name));
        }
        try {
            return Optional.of(space.toMap(space.fromMap(point)));
        } catch (IllegalArgumentException outside) {
            return Optional.empty();
        }
    }
}
