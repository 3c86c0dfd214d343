package org.tune4j.tuner.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The evaluations matrix, as skopt's {@code plot_evaluations}: on the diagonal, a histogram of the
 * values sampled for each dimension; below it, every pair of dimensions as a scatter of the sampled
 * points, coloured by call order (viridis: dark purple first, yellow last), with the best point as
 * a red star and pruned trials as diamonds (orange when not coloured by order). Log-uniform dimensions are on log axes, categorical ones show their category names;
 * points on a category or a small integer are spread a little sideways so that repeats stay visible.
 */
final class EvaluationsPlot {

    private static final int CELL = 300;
    private static final int BAR_WIDTH = 120;
    private static final double GOLDEN = 0.6180339887498949;   // golden ratio - 1
    private static final double SILVER = 0.4142135623730951;   // sqrt(2) - 1

    private EvaluationsPlot() {
    }

    static BufferedImage draw(Samples samples) {
        List<DimensionAxis> space = samples.space();
        int n = space.size();
        ChartGrid grid = new ChartGrid(n, n, CELL, CELL, BAR_WIDTH,
                "Evaluations: " + samples.size() + " sampled points, coloured by call order"
                        + (prunedCount(samples) > 0 ? " (diamonds: " + prunedCount(samples) + " pruned)" : ""));
        for (int i = 0; i < n; i++) {
            grid.put(i, i, histogram(space.get(i), samples.column(i)));
            for (int j = 0; j < i; j++) {
                grid.put(i, j, scatter(samples, j, i));
            }
        }
        grid.putSide(orderBar(samples));
        return grid.image();
    }

    private static BufferedImage histogram(DimensionAxis dim, double[] values) {
        Histogram h = Histogram.of(dim, values);
        XYChart chart = new XYChart(CELL, CELL);
        PlotStyle.applySmall(chart.getStyler());
        PlotStyle.dimensionAxis(chart, dim, true);
        chart.setYAxisTitle("samples");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.max(1, h.maxCount()) * 1.1);
        chart.getStyler().setYAxisDecimalPattern("0");
        XYSeries bars = chart.addSeries("samples", h.outlineX(), h.outlineY());
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(PlotStyle.BAR);
        bars.setLineColor(PlotStyle.TRANSPARENT);
        return PlotStyle.render(chart);
    }

    private static BufferedImage scatter(Samples samples, int xDim, int yDim) {
        XYChart chart = new XYChart(CELL, CELL);
        PlotStyle.applySmall(chart.getStyler());
        PlotStyle.dimensionAxis(chart, samples.space().get(xDim), true);
        PlotStyle.dimensionAxis(chart, samples.space().get(yDim), false);
        addPoints(chart, samples, xDim, yDim, true, 8);
        return PlotStyle.render(chart);
    }

    /**
     * Adds the sampled points of (xDim, yDim) to {@code chart}: one series per point so that each
     * has its call-order colour (or all black when {@code byOrder} is false), then the best as a star.
     */
    static void addPoints(XYChart chart, Samples samples, int xDim, int yDim, boolean byOrder, int size) {
        double[][] axis = samples.axis();
        DimensionAxis xInfo = samples.space().get(xDim);
        DimensionAxis yInfo = samples.space().get(yDim);
        for (int r = 0; r < axis.length; r++) {
            XYSeries point = chart.addSeries("call " + samples.calls()[r] + " #" + r,
                    new double[]{spread(xInfo, axis[r][xDim], r, GOLDEN)}, new double[]{spread(yInfo, axis[r][yDim], r, SILVER)});
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            boolean pruned = samples.pruned()[r];
            point.setMarker(pruned ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            point.setMarkerColor(byOrder ? orderColour(r, axis.length) : pruned ? PlotStyle.PRUNED : PlotStyle.SAMPLE);
        }
        chart.getStyler().setMarkerSize(size);
        if (samples.hasBest()) {
            double[] best = axis[samples.bestRow()];
            XYSeries star = chart.addSeries("best", new double[]{best[xDim]}, new double[]{best[yDim]});
            star.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            star.setMarker(new StarMarker());
            star.setMarkerColor(PlotStyle.BEST);
        }
    }

    /**
     * A point on a category or on a whole number of a small integer range, moved sideways by up to
     * 0.15 of a step so that repeated values do not hide each other; other values as they are. The
     * offsets are the fractional parts of row x {@code step}: with {@link #GOLDEN} along x and
     * {@link #SILVER} along y they fill the square evenly (a Kronecker sequence), with no randomness.
     */
    static double spread(DimensionAxis dim, double value, int row, double step) {
        if (!dim.everyValueLabelled()) {
            return value;
        }
        double fraction = (row * step) % 1.0;
        return value + 0.3 * (fraction - 0.5);
    }

    private static int prunedCount(Samples samples) {
        int n = 0;
        for (boolean p : samples.pruned()) {
            n += p ? 1 : 0;
        }
        return n;
    }

    private static Color orderColour(int row, int rows) {
        return PlotStyle.viridis(rows <= 1 ? 1.0 : (double) row / (rows - 1));
    }

    /** The colour key: call order from first (bottom) to last (top). */
    private static BufferedImage orderBar(Samples samples) {
        int first = samples.size() == 0 ? 0 : samples.calls()[0];
        int last = samples.size() == 0 ? 0 : samples.calls()[samples.size() - 1];
        return ColourBar.draw("call order", PlotStyle::viridis,
                Integer.toString(last), Integer.toString(first), BAR_WIDTH, 320);
    }
}
