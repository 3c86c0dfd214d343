package org.tune4j.optimizer.initial;

import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Sobol low-discrepancy points (Sobol 1967; direction numbers of Joe & Kuo 2008 as shipped with
 * Commons Math), randomized by a random digital shift (each coordinate's binary digits XOR-ed with
 * a random mask; Owen 2003), which keeps the sequence's base-2 stratification: the first 2^k
 * points still put one point in each of 2^k equal intervals of every axis. Different seeds give
 * different designs. Up to 1000 unit dimensions.
 */
public record SobolDesign() implements InitialPointGenerator {

    @Override
    public String name() {
        return "sobol";
    }

    @Override
    public String description() {
        return "Sobol sequence with a random digital shift (Sobol 1967)";
    }

    @Override
    public List<double[]> generate(int n, int unitDims, RandomGenerator rng) {
        InitialPointGenerator.checkArguments(n, unitDims);
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(unitDims);
        return ShiftedSequences.digitallyShifted(n, unitDims, rng, sobol::nextVector);
    }
}
