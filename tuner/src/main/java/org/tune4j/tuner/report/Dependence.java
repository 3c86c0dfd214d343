package org.tune4j.tuner.report;

import java.util.List;

/**
 * Partial dependence of the objective on one or two dimensions, as the plots draw it: the
 * surrogate's predicted value at each grid point, averaged over the other dimensions (Friedman
 * 2001; skopt's {@code plot_objective}). Grid points are on the plots' axes (see
 * {@link DimensionAxis#axisValue}): category indices for a categorical dimension.
 *
 * <p>{@link SurrogateDependence} computes it from a study's refitted surrogate with the optimizer's
 * {@code analysis.PartialDependence}; plots only read it.
 */
interface Dependence {

    /** The dimensions, in order. */
    List<DimensionAxis> space();

    /** The 1-D partial dependence on dimension {@code d}. */
    Curve curve(int d);

    /** The 2-D partial dependence on dimensions {@code xDim} (columns) and {@code yDim} (rows). */
    Surface surface(int xDim, int yDim);

    /**
     * @param dimension the dimension
     * @param axis      grid points on its axis, increasing
     * @param mean      the partial dependence at each grid point
     */
    record Curve(int dimension, double[] axis, double[] mean) {
        public Curve {
            if (axis.length != mean.length || axis.length == 0) {
                throw new IllegalArgumentException("partial dependence curve: expected as many values as grid points"
                        + " (at least 1), found " + mean.length + " values for " + axis.length + " points");
            }
        }
    }

    /**
     * @param xDimension the dimension along x
     * @param yDimension the dimension along y
     * @param xAxis      grid points along x, increasing
     * @param yAxis      grid points along y, increasing
     * @param mean       (yAxis.length, xAxis.length): the partial dependence at each grid point
     */
    record Surface(int xDimension, int yDimension, double[] xAxis, double[] yAxis, double[][] mean) {
        public Surface {
            if (mean.length != yAxis.length || (mean.length > 0 && mean[0].length != xAxis.length)) {
                throw new IllegalArgumentException("partial dependence surface: expected " + yAxis.length + " x "
                        + xAxis.length + " values, found " + mean.length + " rows");
            }
        }

        double min() {
            double min = Double.POSITIVE_INFINITY;
            for (double[] row : mean) {
                for (double v : row) {
                    min = Math.min(min, v);
                }
            }
            return min;
        }

        double max() {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : mean) {
                for (double v : row) {
                    max = Math.max(max, v);
                }
            }
            return max;
        }
    }
}
