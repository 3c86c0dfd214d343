package org.tune4j.tuner.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tune4j.tuner.storage.ReportRecord;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * The trials' intermediate reports, as Optuna's {@code plot_intermediate_values}: one line per
 * trial through its reports (validation accuracy against epochs for the tutorial study, the value
 * against the step otherwise); complete trials in blue, pruned ones in orange ending in a diamond
 * where they were stopped, failed ones in red. Drawn only when the study recorded reports.
 */
final class IntermediateValuesPlot {

    private IntermediateValuesPlot() {
    }

    static BufferedImage draw(StudyResults results) {
        boolean accuracy = results.valueIsMinusAccuracy();
        boolean byEpoch = results.trials().stream().flatMap(t -> t.reports().stream()).allMatch(r -> r.epochs() != null);
        XYChart chart = new XYChart(900, 520);
        PlotStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.setTitle("Intermediate values: complete (blue), pruned (orange, diamond where stopped), failed (red)");
        chart.setXAxisTitle(byEpoch ? "epochs of training" : "step");
        chart.setYAxisTitle(accuracy ? "validation accuracy" : "reported value (minimized)");
        chart.getStyler().setYAxisDecimalPattern(accuracy ? "0.00" : "0.000");
        int drawn = 0;
        for (TrialRecord t : results.trials()) {
            if (t.reports().isEmpty()) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (ReportRecord r : t.reports()) {
                xs.add(byEpoch ? r.epochs() : r.step());
                ys.add(accuracy ? -r.value() : r.value());
            }
            XYSeries line = chart.addSeries("trial " + t.number(), xs, ys);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(SeriesLines.SOLID);   // XChart would cycle dashes and dots over the series
            line.setLineColor(t.isComplete() ? PlotStyle.BAR : t.isPruned() ? PlotStyle.PRUNED : PlotStyle.FAILED);
            if (t.isPruned()) {
                XYSeries stop = chart.addSeries("trial " + t.number() + " pruned", List.of(xs.get(xs.size() - 1)),
                        List.of(ys.get(ys.size() - 1)));
                stop.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                stop.setMarker(SeriesMarkers.DIAMOND);
                stop.setMarkerColor(PlotStyle.PRUNED);
            }
            drawn++;
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("intermediate values plot: no trial recorded reports");
        }
        return PlotStyle.render(chart);
    }
}
