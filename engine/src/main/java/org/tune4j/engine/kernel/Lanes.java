package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in one fixed order: lane i is added to lane i + L/2, then L/4, ...
 * (a pairwise tree). {@code reduceLanes(ADD)} leaves the order to the implementation, and the
 * JIT-compiled intrinsic and the interpreted Java fallback do differ, so a training run's
 * gradients depended on when methods got compiled; lane-wise adds and shuffles are exact in both,
 * so this sum is the same wherever it runs and a run is reproducible bit for bit.
 */
final class Lanes {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** ROTATE[h]: lane i takes lane (i + h) mod L, for h = L/2, L/4, .., 1. */
    private static final VectorShuffle<Float>[] ROTATE = rotations();

    private Lanes() {
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] rotations() {
        VectorShuffle<Float>[] r = new VectorShuffle[L];
        for (int h = L / 2; h >= 1; h /= 2) {
            r[h] = VectorShuffle.iota(S, h, 1, true);
        }
        return r;
    }

    /** Σ lanes of v, by halves: the same result interpreted or compiled. */
    static float sum(FloatVector v) {
        for (int h = L / 2; h >= 1; h /= 2) {
            v = v.add(v.rearrange(ROTATE[h]));
        }
        return v.lane(0);
    }
}
