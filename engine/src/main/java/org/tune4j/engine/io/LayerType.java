package org.tune4j.engine.io;

import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.tensor.Shape;

/**
 * One kind of layer as a model file names it: the extension point through which {@link ModelFile}
 * rebuilds a network. A layer writes its own {@link Layer#config()} (with {@code "type"} its
 * {@link Layer#kind()}); the layer type of the same name reads that config back.
 *
 * <p><b>Adding one</b> (for a new {@link Layer}) is one class plus one line: implement this
 * interface with a public no-arg constructor and put its binary name in
 * {@code META-INF/services/org.tune4j.engine.io.LayerType}.
 *
 * <p><b>Life cycle.</b> Found by name for every layer of a file being read, then asked once per
 * layer for {@link #fromConfig}; stateless, so one instance serves any number of reads.
 */
public interface LayerType {

    /** The {@code "type"} of the config, equal to the layer's {@link Layer#kind()}: "Conv2D". */
    String name();

    /** One line for the docs. */
    String description();

    /**
     * The layer this config describes, on inputs of {@code input} shape.
     *
     * @throws IllegalArgumentException when the config lacks a field or holds a bad value
     */
    Layer fromConfig(Shape input, LayerConfig config);
}
