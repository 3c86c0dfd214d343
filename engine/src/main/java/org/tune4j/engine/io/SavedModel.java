package org.tune4j.engine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tune4j.engine.model.Sequential;

/**
 * A model as a model file holds it: the network and the name of each output class, so that a
 * prediction can say "Sneaker" rather than 7. A file written without names (older files, or
 * {@link ModelFile#save(Sequential, java.nio.file.Path)}) reads with {@link #defaultClassNames}.
 *
 * @param model      the network
 * @param classNames one name per output, in output order (the training data's label order)
 */
public record SavedModel(Sequential model, List<String> classNames) {

    public SavedModel {
        Objects.requireNonNull(model, "model");
        classNames = List.copyOf(classNames);
        int outputs = model.outputShape().size();
        if (classNames.size() != outputs) {
            throw new IllegalArgumentException("class names: expected " + outputs + " (one per output of the model), found "
                    + classNames.size());
        }
        for (String name : classNames) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("class names: expected non-blank names, found " + classNames);
            }
        }
    }

    /** The names a file without names gets: "0", "1", ..., one per output. */
    public static List<String> defaultClassNames(int outputs) {
        List<String> names = new ArrayList<>(outputs);
        for (int c = 0; c < outputs; c++) {
            names.add(Integer.toString(c));
        }
        return List.copyOf(names);
    }
}
