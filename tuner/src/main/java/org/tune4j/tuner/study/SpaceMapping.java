package org.tune4j.tuner.study;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.Dimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.DimensionSpec;
import org.tune4j.tuner.storage.SpaceSpec;

/** Builds the optimizer's typed {@link Space} from a space file's {@link SpaceSpec}. */
public final class SpaceMapping {
    private SpaceMapping() {
    }

    public static Space toSpace(SpaceSpec spec) {
        List<Dimension> dims = new ArrayList<>();
        for (DimensionSpec d : spec.dimensions()) {
            if (d instanceof DimensionSpec.Real r) {
                dims.add(new RealDimension(r.name(), r.low(), r.high(), prior(r.logUniform())));
            } else if (d instanceof DimensionSpec.Integral i) {
                dims.add(new IntegerDimension(i.name(), i.low(), i.high(), prior(i.logUniform())));
            } else {
                DimensionSpec.Categorical c = (DimensionSpec.Categorical) d;
                dims.add(new CategoricalDimension(c.name(), c.categories()));
            }
        }
        return new Space(dims);
    }

    private static Prior prior(boolean logUniform) {
        return logUniform ? Prior.LOG_UNIFORM : Prior.UNIFORM;
    }
}
