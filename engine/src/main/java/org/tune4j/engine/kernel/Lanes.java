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
    // lane i takes lane (i + h) mod L; constants (not an array of shuffles), so the JIT folds them
    private static final VectorShuffle<Float> BY_HALF = rotation(L / 2);
    private static final VectorShuffle<Float> BY_QUARTER = rotation(L / 4);
    private static final VectorShuffle<Float> BY_EIGHTH = rotation(L / 8);
    private static final VectorShuffle<Float> BY_SIXTEENTH = rotation(L / 16);

    private Lanes() {
    }

    private static VectorShuffle<Float> rotation(int h) {
        return VectorShuffle.iota(S, Math.max(h, 1), 1, true);
    }

    /** Σ lanes of v, by halves: the same result interpreted or compiled. Up to 16 lanes (512-bit floats). */
    static float sum(FloatVector v) {
        v = v.add(v.rearrange(BY_HALF));
        if (L >= 4) {
            v = v.add(v.rearrange(BY_QUARTER));
        }
        if (L >= 8) {
            v = v.add(v.rearrange(BY_EIGHTH));
        }
        if (L >= 16) {
            v = v.add(v.rearrange(BY_SIXTEENTH));
        }
        return v.lane(0);
    }
}
