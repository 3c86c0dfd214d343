package org.tune4j.optimizer.numeric;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent, reproducible random streams derived from a base seed, a purpose and an index.
 *
 * <p>The optimizer never keeps a long-lived generator: the randomness of its n-th ask is
 * {@code RandomStreams.of(seed, "ask", n)}, so a study resumed by replaying its observations
 * proposes exactly what an uninterrupted run would have proposed. The mixing is SplitMix64's
 * finalizer (Steele, Lea & Flood 2014), applied to the seed, the purpose's hash and the index.
 */
public final class RandomStreams {
    private RandomStreams() {
    }

    /** A fresh generator for (seed, purpose, index); equal arguments give equal streams. */
    public static RandomGenerator of(long seed, String purpose, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ purpose.hashCode());
        h = mix(h + index * 0xBF58476D1CE4E5B9L);
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
