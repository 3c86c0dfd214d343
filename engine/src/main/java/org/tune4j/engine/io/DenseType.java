package org.tune4j.engine.io;

import org.tune4j.engine.layer.Dense;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.tensor.Shape;

/** {@code {"type":"Dense","units":10}}: a {@link Dense}. */
public final class DenseType implements LayerType {
    @Override public String name() { return "Dense"; }
    @Override public String description() { return "fully connected: units"; }

    @Override
    public Layer fromConfig(Shape input, LayerConfig c) {
        return new Dense(input, c.integer("units"));
    }
}
