package org.tune4j.optimizer.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.Dimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.Prediction;
import org.tune4j.optimizer.surrogate.Surrogate;

/**
 * Partial dependence of a surrogate's mean on one or two dimensions (Friedman 2001, eq. 40): the
 * value at a grid point is the surrogate mean averaged over a sample of points whose other
 * dimensions keep their sampled values, as scikit-optimize's {@code partial_dependence_1D} and
 * {@code partial_dependence_2D}.
 *
 * <p>Grids ({@link #grid}): real dimensions get evenly spaced points of their unit encoding (so a
 * log-uniform dimension is spaced evenly in its logarithm), integer dimensions all their values or
 * evenly spaced distinct ones, categorical dimensions every category. Immutable; the surrogate is
 * only read.
 */
public final class PartialDependence {

    /** A 1-D partial dependence: {@code means[i]} at {@code values.get(i)} of the dimension. */
    public record Curve(String dimension, List<Object> values, double[] means) {
        public Curve {
            values = List.copyOf(values);
        }
    }

    /** A 2-D partial dependence: {@code means[yi][xi]} at (xValues[xi], yValues[yi]). */
    public record Surface(String xDimension, String yDimension, List<Object> xValues, List<Object> yValues,
            double[][] means) {
        public Surface {
            xValues = List.copyOf(xValues);
            yValues = List.copyOf(yValues);
        }
    }

    private final Space space;
    private final Surrogate surrogate;
    private final List<double[]> samples; // unit encodings of the points averaged over

    /**
     * @param samples the points to average over (e.g. {@link #randomSamples} or the evaluated points)
     */
    public PartialDependence(Space space, Surrogate surrogate, List<List<Object>> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("partial dependence: expected at least one point to average over");
        }
        this.space = space;
        this.surrogate = surrogate;
        this.samples = new ArrayList<>();
        for (List<Object> p : samples) {
            this.samples.add(space.toUnit(p));
        }
    }

    /** {@code n} points drawn from the space's priors (skopt averages over 250). */
    public static List<List<Object>> randomSamples(Space space, int n, RandomGenerator rng) {
        List<List<Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(space.sample(rng));
        }
        return out;
    }

    /** Grid values of a dimension in the original space (at most {@code points} of them). */
    public static List<Object> grid(Dimension dimension, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("partial dependence grid: expected at least 2 points, found " + points);
        }
        if (dimension instanceof CategoricalDimension c) {
            return List.copyOf(c.categories());
        }
        if (dimension instanceof IntegerDimension i && i.cardinality() <= points) {
            List<Object> all = new ArrayList<>();
            for (int k = i.low(); k <= i.high(); k++) {
                all.add(k);
            }
            return all;
        }
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        boolean integer = dimension instanceof IntegerDimension;
        for (int k = 0; k < points; k++) {
            double u = integer ? (k + 0.5) / points : k / (points - 1.0);
            values.add(dimension.fromUnit(new double[] {u}, 0));
        }
        return new ArrayList<>(values);
    }

    /** The 1-D partial dependence on dimension {@code index}. */
    public Curve oneD(int index, int gridPoints) {
        Dimension dim = space.dimension(index);
        List<Object> values = grid(dim, gridPoints);
        double[] means = new double[values.size()];
        for (int g = 0; g < values.size(); g++) {
            means[g] = averageWith(new int[] {index}, new Object[] {values.get(g)});
        }
        return new Curve(dim.name(), values, means);
    }

    /** The 2-D partial dependence on dimensions {@code xIndex} and {@code yIndex}. */
    public Surface twoD(int xIndex, int yIndex, int gridPoints) {
        if (xIndex == yIndex) {
            throw new IllegalArgumentException("partial dependence surface: expected two different dimensions, found "
                    + space.dimension(xIndex).name() + " twice");
        }
        List<Object> xs = grid(space.dimension(xIndex), gridPoints);
        List<Object> ys = grid(space.dimension(yIndex), gridPoints);
        double[][] means = new double[ys.size()][xs.size()];
        for (int yi = 0; yi < ys.size(); yi++) {
            for (int xi = 0; xi < xs.size(); xi++) {
                means[yi][xi] = averageWith(new int[] {xIndex, yIndex}, new Object[] {xs.get(xi), ys.get(yi)});
            }
        }
        return new Surface(space.dimension(xIndex).name(), space.dimension(yIndex).name(), xs, ys, means);
    }

    /** Mean prediction over the samples with the given dimensions fixed to the given values. */
    private double averageWith(int[] indices, Object[] values) {
        double[][] batch = new double[samples.size()][];
        for (int s = 0; s < batch.length; s++) {
            double[] u = samples.get(s).clone();
            for (int k = 0; k < indices.length; k++) {
                space.dimension(indices[k]).toUnit(values[k], u, space.unitOffset(indices[k]));
            }
            batch[s] = u;
        }
        double sum = 0;
        for (Prediction p : surrogate.predict(batch)) {
            sum += p.mean();
        }
        return sum / batch.length;
    }
}
