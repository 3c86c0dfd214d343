package org.tune4j.engine.io;

import org.tune4j.engine.layer.Conv2D;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.tensor.Shape;

/** {@code {"type":"Conv2D","filters":16,"kernel_size":5,"stride":1,"padding":"same"}}: a {@link Conv2D}. */
public final class Conv2DType implements LayerType {
    @Override public String name() { return "Conv2D"; }
    @Override public String description() { return "2-D convolution: filters, kernel_size, stride, padding (same or valid)"; }

    @Override
    public Layer fromConfig(Shape input, LayerConfig c) {
        return new Conv2D(input, c.integer("filters"), c.integer("kernel_size"), c.integer("stride"),
                Padding.parse(c.string("padding")));
    }
}
