package org.tune4j.engine.io;

import org.tune4j.engine.layer.Flatten;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.tensor.Shape;

/** {@code {"type":"Flatten"}}: a {@link Flatten}. */
public final class FlattenType implements LayerType {
    @Override public String name() { return "Flatten"; }
    @Override public String description() { return "(C, H, W) to one vector, in PyTorch's order"; }

    @Override
    public Layer fromConfig(Shape input, LayerConfig c) {
        return new Flatten(input);
    }
}
