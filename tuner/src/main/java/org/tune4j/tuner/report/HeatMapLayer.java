package org.tune4j.tuner.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a 2-D partial dependence as coloured cells beneath an XChart XY chart, which gives the heat
 * map real axes (log scale, category names) and lets samples and the best point be drawn on top.
 * XChart has neither contour plots nor a heat map under XY series, so this renders in two passes:
 * the first lays the axes out (and tells where data coordinates fall on screen), the second paints
 * the cells and then the chart over them with transparent backgrounds.
 *
 * <p>Each grid point owns the cell reaching halfway (in axis space, so geometrically on a log
 * axis) to its neighbours; the outer cells reach the chart's axis range.
 */
final class HeatMapLayer {

    private HeatMapLayer() {
    }

    static BufferedImage render(XYChart chart, Dependence.Surface surface, List<DimensionAxis> space, ColourScale scale) {
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setPlotGridLinesVisible(false);
        BitmapEncoder.getBufferedImage(chart);   // pass 1: lays out the axes
        double[] xEdges = edges(space.get(surface.xDimension()), surface.xAxis());
        double[] yEdges = edges(space.get(surface.yDimension()), surface.yAxis());
        xEdges[0] = chart.getStyler().getXAxisMin();      // the outer cells reach the plot's border
        xEdges[xEdges.length - 1] = chart.getStyler().getXAxisMax();
        yEdges[0] = chart.getStyler().getYAxisMin();
        yEdges[yEdges.length - 1] = chart.getStyler().getYAxisMax();

        BufferedImage image = PlotStyle.blank(chart.getWidth(), chart.getHeight());
        Graphics2D g = PlotStyle.canvas(image);
        for (int iy = 0; iy < surface.yAxis().length; iy++) {
            double top = chart.getScreenYFromChart(yEdges[iy + 1]);
            double bottom = chart.getScreenYFromChart(yEdges[iy]);
            for (int ix = 0; ix < surface.xAxis().length; ix++) {
                double left = chart.getScreenXFromChart(xEdges[ix]);
                double right = chart.getScreenXFromChart(xEdges[ix + 1]);
                g.setColor(scale.colour(surface.mean()[iy][ix]));
                // half a pixel of overlap hides seams between neighbouring cells
                g.fill(new Rectangle2D.Double(left - 0.5, top - 0.5, right - left + 1, bottom - top + 1));
            }
        }
        chart.getStyler().setChartBackgroundColor(PlotStyle.TRANSPARENT);
        chart.getStyler().setPlotBackgroundColor(PlotStyle.TRANSPARENT);
        chart.paint(g, chart.getWidth(), chart.getHeight());   // pass 2: axes, samples, best on top
        g.dispose();
        return image;
    }

    /** Cell edges around increasing grid points; the outer edges are the dimension's axis range. */
    static double[] edges(DimensionAxis dim, double[] grid) {
        double[] edges = new double[grid.length + 1];
        edges[0] = dim.axisMin();
        edges[grid.length] = dim.axisMax();
        for (int i = 1; i < grid.length; i++) {
            edges[i] = (grid[i - 1] + grid[i]) / 2;
        }
        return edges;
    }
}
