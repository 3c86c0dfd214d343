package org.tune4j.optimizer.initial;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Randomizes a deterministic low-discrepancy sequence so designs differ between seeds while
 * keeping their uniformity: a Cranley-Patterson rotation (a random shift of every coordinate,
 * modulo 1; Cranley & Patterson 1976) or, for base-2 sequences, a random digital shift.
 */
final class ShiftedSequences {
    private ShiftedSequences() {
    }

    static List<double[]> shifted(int n, int unitDims, RandomGenerator rng, Supplier<double[]> next) {
        double[] shift = new double[unitDims];
        for (int j = 0; j < unitDims; j++) {
            shift[j] = rng.nextDouble();
        }
        List<double[]> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] raw = next.get();
            double[] p = new double[unitDims];
            for (int j = 0; j < unitDims; j++) {
                double v = raw[j] + shift[j];
                v -= Math.floor(v);
                p[j] = v >= 1.0 ? Math.nextDown(1.0) : v;
            }
            points.add(p);
        }
        return points;
    }

    /** XORs the first 52 binary digits of every coordinate with a random mask per axis. */
    static List<double[]> digitallyShifted(int n, int unitDims, RandomGenerator rng, Supplier<double[]> next) {
        final double scale = 0x1p52;
        long[] mask = new long[unitDims];
        for (int j = 0; j < unitDims; j++) {
            mask[j] = rng.nextLong() & ((1L << 52) - 1);
        }
        List<double[]> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] raw = next.get();
            double[] p = new double[unitDims];
            for (int j = 0; j < unitDims; j++) {
                long digits = (long) Math.floor(raw[j] * scale);
                p[j] = (digits ^ mask[j]) / scale;
            }
            points.add(p);
        }
        return points;
    }
}
