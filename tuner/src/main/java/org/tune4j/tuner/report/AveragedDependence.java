package org.tune4j.tuner.report;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Partial dependence computed by brute force from any prediction function: the value at a grid
 * point is the mean prediction over the sampled points with the plotted dimension(s) set to that
 * grid point (Friedman 2001, eq. 40, with the evaluated points as the sample of the other
 * dimensions). Cost: grid points x samples predictions per curve, grid points squared x samples per
 * surface.
 */
final class AveragedDependence implements Dependence {

    private final List<DimensionInfo> space;
    private final double[][] background;   // (samples, dimensions) on the axes
    private final ToDoubleFunction<double[]> predict;
    private final int gridPoints;

    /**
     * @param space      the dimensions
     * @param background the points to average over, on the axes (at least one)
     * @param predict    the predicted objective at a point given on the axes (the array is reused: copy it to keep it)
     * @param gridPoints grid points per numeric dimension
     */
    AveragedDependence(List<DimensionInfo> space, double[][] background, ToDoubleFunction<double[]> predict,
                       int gridPoints) {
        if (background.length == 0) {
            throw new IllegalArgumentException("partial dependence: expected at least one point to average over, found none");
        }
        this.space = List.copyOf(space);
        this.background = background;
        this.predict = predict;
        this.gridPoints = gridPoints;
    }

    @Override
    public List<DimensionInfo> space() {
        return space;
    }

    @Override
    public Curve curve(int d) {
        double[] grid = Dependence.grid(space.get(d), gridPoints);
        double[] mean = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            mean[i] = averageWith(new int[]{d}, new double[]{grid[i]});
        }
        return new Curve(d, grid, mean);
    }

    @Override
    public Surface surface(int xDim, int yDim) {
        double[] xs = Dependence.grid(space.get(xDim), gridPoints);
        double[] ys = Dependence.grid(space.get(yDim), gridPoints);
        double[][] mean = new double[ys.length][xs.length];
        for (int iy = 0; iy < ys.length; iy++) {
            for (int ix = 0; ix < xs.length; ix++) {
                mean[iy][ix] = averageWith(new int[]{xDim, yDim}, new double[]{xs[ix], ys[iy]});
            }
        }
        return new Surface(xDim, yDim, xs, ys, mean);
    }

    private double averageWith(int[] dims, double[] values) {
        double sum = 0;
        double[] point = new double[space.size()];
        for (double[] row : background) {
            System.arraycopy(row, 0, point, 0, point.length);
            for (int k = 0; k < dims.length; k++) {
                point[dims[k]] = values[k];
            }
            sum += predict.applyAsDouble(point);
        }
        return sum / background.length;
    }
}
