package org.tune4j.engine.io;

import java.util.Map;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;

/** Maps a layer's {@link org.tune4j.engine.layer.Layer#config()} as read back from a model file to a builder call. */
final class LayerConfigs {

    private LayerConfigs() {
    }

    static void add(Sequential.Builder b, Map<?, ?> c) {
        Object type = c.get("type");
        switch (String.valueOf(type)) {
            case "Conv2D" -> b.conv2d(integer(c, "filters"), integer(c, "kernel_size"), integer(c, "stride"),
                    Padding.parse(string(c, "padding")));
            case "MaxPool2D" -> b.maxPool(integer(c, "pool_size"), integer(c, "stride"));
            case "Flatten" -> b.flatten();
            case "Dense" -> b.dense(integer(c, "units"));
            case "Activation" -> b.activation(Activation.parse(string(c, "activation")));
            default -> throw new IllegalArgumentException("unknown layer type " + type
                    + ", expected one of Conv2D, MaxPool2D, Flatten, Dense, Activation");
        }
    }

    private static int integer(Map<?, ?> c, String key) {
        if (!c.containsKey(key)) {
            throw new IllegalArgumentException(c.get("type") + " layer is missing \"" + key + "\"");
        }
        return ModelFile.toInt(c.get(key));
    }

    private static String string(Map<?, ?> c, String key) {
        if (!(c.get(key) instanceof String s)) {
            throw new IllegalArgumentException(c.get("type") + " layer: expected a string \"" + key + "\", found " + c.get(key));
        }
        return s;
    }
}
