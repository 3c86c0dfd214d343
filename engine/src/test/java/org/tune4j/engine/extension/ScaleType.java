package org.tune4j.engine.extension;

import org.tune4j.engine.io.LayerConfig;
import org.tune4j.engine.io.LayerType;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.tensor.Shape;

/** Reads {@link Scale} back from a model file; registered in this test class path's services only. */
public final class ScaleType implements LayerType {
    @Override public String name() { return "Scale"; }
    @Override public String description() { return "multiplies by an integer factor"; }
    @Override public Layer fromConfig(Shape input, LayerConfig config) { return new Scale(input, config.integer("factor")); }
}
