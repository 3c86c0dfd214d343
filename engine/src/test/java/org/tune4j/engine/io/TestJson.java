package org.tune4j.engine.io;

import java.util.Map;
import org.tune4j.engine.model.Sequential;

/** Test access to the engine's small JSON reader and layer-config mapping, for golden files. */
public final class TestJson {

    private TestJson() {
    }

    public static Object parse(String json) {
        return Json.parse(json);
    }

    /** Adds the layer a model-file style config describes ({"type": "Conv2D", ...}). */
    public static void addLayer(Sequential.Builder builder, Map<?, ?> config) {
        LayerConfig c = new LayerConfig(config);
        LayerType type = ModelFile.layerType(c.type());
        builder.add(shape -> type.fromConfig(shape, c));
    }
}
