package org.tune4j.tuner.report;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The confusion matrix of the best model on the test set: one row per true class, one column per
 * predicted class, each cell coloured by and labelled with its count. The diagonal holds the
 * correct predictions; anything bright off the diagonal is a confusion worth looking at.
 */
final class ConfusionMatrixPlot {

    private ConfusionMatrixPlot() {
    }

    static BufferedImage draw(TestPredictions predictions) {
        int[][] confusion = predictions.confusion();
        List<String> names = predictions.images().classNames();
        int k = names.size();
        List<String> predictedAxis = new ArrayList<>(names);
        List<String> trueAxis = new ArrayList<>(names);
        List<Number[]> cells = new ArrayList<>();
        int max = 1;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                // XChart puts y index 0 at the bottom; the first true class goes on top, as in a table
                cells.add(new Number[]{p, k - 1 - t, confusion[t][p]});
                max = Math.max(max, confusion[t][p]);
            }
        }
        java.util.Collections.reverse(trueAxis);
        int size = Math.max(520, 60 * k + 160);
        HeatMapChart chart = new HeatMapChart(size + 120, size, Styler.ChartTheme.XChart);
        chart.getStyler().setChartTitleFont(PlotStyle.TITLE);
        chart.getStyler().setAxisTitleFont(PlotStyle.AXIS_TITLE);
        chart.getStyler().setAxisTickLabelsFont(PlotStyle.TICKS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.setTitle(String.format(java.util.Locale.ROOT, "Confusion matrix of the best model (test accuracy %.2f%%)",
                100 * predictions.accuracy()));
        chart.setXAxisTitle("predicted class");
        chart.setYAxisTitle("true class");
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(PlotStyle.TICKS);
        chart.getStyler().setValueFontColor(PlotStyle.INK);
        chart.getStyler().setHeatMapValueDecimalPattern("0");
        chart.getStyler().setRangeColors(new Color[]{Color.WHITE, new Color(0x9e, 0xca, 0xe1), new Color(0x08, 0x51, 0x9c)});
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(max);
        if (names.stream().mapToInt(String::length).max().orElse(0) > 3) {
            chart.getStyler().setXAxisLabelRotation(45);   // long class names (Fashion-MNIST) would overlap
        }
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.addSeries("count", predictedAxis, trueAxis, cells);
        return PlotStyle.render(chart);
    }
}
