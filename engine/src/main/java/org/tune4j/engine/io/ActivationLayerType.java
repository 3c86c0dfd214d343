package org.tune4j.engine.io;

import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.ActivationLayer;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.tensor.Shape;

/** {@code {"type":"Activation","activation":"relu"}}: an {@link ActivationLayer}, the activation found by name. */
public final class ActivationLayerType implements LayerType {
    @Override public String name() { return "Activation"; }
    @Override public String description() { return "element-wise activation: activation (a registered name)"; }

    @Override
    public Layer fromConfig(Shape input, LayerConfig c) {
        return new ActivationLayer(input, Activation.parse(c.string("activation")));
    }
}
