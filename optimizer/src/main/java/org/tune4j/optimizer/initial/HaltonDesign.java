package org.tune4j.optimizer.initial;

import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.HaltonSequenceGenerator;

/**
 * Halton low-discrepancy points (Halton 1960) with the Faure-Lemieux scrambling weights of
 * Commons Math's {@code HaltonSequenceGenerator}, randomized by a random shift modulo 1 so
 * different seeds give different designs. The first point (the origin) is skipped. Up to 40 unit
 * dimensions (the generator's table of primes).
 */
public record HaltonDesign() implements InitialPointGenerator {

    @Override
    public String name() {
        return "halton";
    }

    @Override
    public String description() {
        return "scrambled Halton sequence with a random shift (Halton 1960)";
    }

    @Override
    public List<double[]> generate(int n, int unitDims, RandomGenerator rng) {
        InitialPointGenerator.checkArguments(n, unitDims);
        HaltonSequenceGenerator halton = new HaltonSequenceGenerator(unitDims);
        halton.skipTo(1);
        return ShiftedSequences.shifted(n, unitDims, rng, halton::nextVector);
    }
}
