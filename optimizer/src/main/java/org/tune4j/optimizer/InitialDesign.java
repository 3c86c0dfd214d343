package org.tune4j.optimizer;

import org.tune4j.optimizer.initial.HaltonDesign;
import org.tune4j.optimizer.initial.InitialPointGenerator;
import org.tune4j.optimizer.initial.LatinHypercubeDesign;
import org.tune4j.optimizer.initial.RandomDesign;
import org.tune4j.optimizer.initial.SobolDesign;

/** How the initial points (before the surrogate is used) are laid out. */
public enum InitialDesign {
    RANDOM, SOBOL, HALTON, LHS;

    /** The generator implementing this design. */
    public InitialPointGenerator generator() {
        return switch (this) {
            case RANDOM -> new RandomDesign();
            case SOBOL -> new SobolDesign();
            case HALTON -> new HaltonDesign();
            case LHS -> new LatinHypercubeDesign();
        };
    }
}
