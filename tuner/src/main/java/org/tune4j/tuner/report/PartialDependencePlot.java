package org.tune4j.tuner.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The partial-dependence matrix of the final surrogate, as skopt's {@code plot_objective}: on the
 * diagonal, the 1-D partial dependence on each dimension with the best point's value as a red
 * dashed line; below it, the 2-D partial dependence on each pair as a heat map (yellow = lowest
 * predicted value = highest accuracy; one colour scale for all panels), with the sampled points as
 * black dots and the best point as a red star. Unlike the original, categorical dimensions are
 * included: their categories are the grid.
 */
final class PartialDependencePlot {

    private static final int CELL = 300;
    private static final int BAR_WIDTH = 130;
    private static final int SAMPLE_SIZE = 5;

    private PartialDependencePlot() {
    }

    static BufferedImage draw(Dependence dependence, Samples samples, String title) {
        List<DimensionAxis> space = dependence.space();
        int n = space.size();
        List<Dependence.Surface> surfaces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                surfaces.add(dependence.surface(j, i));
            }
        }
        ColourScale scale = ColourScale.spanning(surfaces);
        ChartGrid grid = new ChartGrid(n, n, CELL, CELL, n > 1 ? BAR_WIDTH : 0, title);
        int next = 0;
        for (int i = 0; i < n; i++) {
            grid.put(i, i, curve(dependence.curve(i), space.get(i), samples));
            for (int j = 0; j < i; j++) {
                grid.put(i, j, surface(surfaces.get(next++), space, samples, scale, CELL, CELL));
            }
        }
        if (n > 1) {
            grid.putSide(scale.bar("predicted value", BAR_WIDTH, 320));
        }
        return grid.image();
    }

    private static BufferedImage curve(Dependence.Curve curve, DimensionAxis dim, Samples samples) {
        XYChart chart = new XYChart(CELL, CELL);
        PlotStyle.applySmall(chart.getStyler());
        PlotStyle.dimensionAxis(chart, dim, true);
        chart.setYAxisTitle("partial dependence");
        XYSeries line = chart.addSeries("partial dependence", curve.axis(), curve.mean());
        line.setLineColor(PlotStyle.BAR);
        line.setMarkerColor(PlotStyle.BAR);
        if (dim.isCategorical()) {
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            line.setMarker(SeriesMarkers.DIAMOND);
            chart.getStyler().setMarkerSize(10);
        } else {
            line.setMarker(SeriesMarkers.NONE);
        }
        // an explicit, padded range: XChart labels no ticks when two values are all it has
        double low = Arrays.stream(curve.mean()).min().orElse(0);
        double high = Arrays.stream(curve.mean()).max().orElse(0);
        double pad = Math.max(0.08 * (high - low), 0.01 * Math.max(Math.abs(high), Math.abs(low)) + 1e-9);
        chart.getStyler().setYAxisMin(low - pad);
        chart.getStyler().setYAxisMax(high + pad);
        if (samples.hasBest()) {
            double x = samples.axis()[samples.bestRow()][curve.dimension()];
            XYSeries best = chart.addSeries("best", new double[]{x, x}, new double[]{low - pad, high + pad});
            best.setMarker(SeriesMarkers.NONE);
            best.setLineColor(PlotStyle.BEST);
            best.setLineStyle(SeriesLines.DASH_DASH);
        }
        return PlotStyle.render(chart);
    }

    /** One 2-D panel: the heat map with samples as dots and the best as a star. */
    static BufferedImage surface(Dependence.Surface surface, List<DimensionAxis> space, Samples samples,
                                 ColourScale scale, int width, int height) {
        XYChart chart = new XYChart(width, height);
        if (width > CELL) {
            PlotStyle.apply(chart.getStyler());
        } else {
            PlotStyle.applySmall(chart.getStyler());
        }
        PlotStyle.dimensionAxis(chart, space.get(surface.xDimension()), true);
        PlotStyle.dimensionAxis(chart, space.get(surface.yDimension()), false);
        EvaluationsPlot.addPoints(chart, samples, surface.xDimension(), surface.yDimension(), false, SAMPLE_SIZE);
        return HeatMapLayer.render(chart, surface, space, scale);
    }
}
