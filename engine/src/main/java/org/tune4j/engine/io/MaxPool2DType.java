package org.tune4j.engine.io;

import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.layer.MaxPool2D;
import org.tune4j.engine.tensor.Shape;

/** {@code {"type":"MaxPool2D","pool_size":2,"stride":2}}: a {@link MaxPool2D}. */
public final class MaxPool2DType implements LayerType {
    @Override public String name() { return "MaxPool2D"; }
    @Override public String description() { return "2-D max pooling: pool_size, stride"; }

    @Override
    public Layer fromConfig(Shape input, LayerConfig c) {
        return new MaxPool2D(input, c.integer("pool_size"), c.integer("stride"));
    }
}
