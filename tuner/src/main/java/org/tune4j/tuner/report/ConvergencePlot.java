package org.tune4j.tuner.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tune4j.tuner.storage.TrialRecord;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Convergence, as skopt's {@code plot_convergence}: the best objective value found so far against
 * the number of calls. The objective is what the optimizer minimizes (for the tutorial study, minus
 * the validation accuracy: -0.99 is 99%), so the curve falls as the search improves. Every
 * call's own value is shown as a grey dot, failed calls as red crosses at the penalty the study
 * told the optimizer (0.0); failed calls without a value are left out. Pruned calls are orange
 * diamonds at their last intermediate value (what the optimizer was told); they never set the best
 * so far, which is a complete trial's.
 */
final class ConvergencePlot {

    private ConvergencePlot() {
    }

    static BufferedImage draw(StudyResults results) {
        List<TrialRecord> trials = new ArrayList<>(results.trials());
        trials.sort(Comparator.comparingInt(TrialRecord::number));
        List<Double> calls = new ArrayList<>();        // every call with a value
        List<Double> bestSoFar = new ArrayList<>();
        List<Double> completeCalls = new ArrayList<>();
        List<Double> completeValues = new ArrayList<>();
        List<Double> failedCalls = new ArrayList<>();
        List<Double> failedValues = new ArrayList<>();
        List<Double> prunedCalls = new ArrayList<>();
        List<Double> prunedValues = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (TrialRecord t : trials) {
            if (Double.isNaN(t.valueOrNaN())) {
                continue;   // a failed trial without a value has nothing to draw
            }
            if (t.isPruned()) {
                prunedCalls.add((double) t.number());
                prunedValues.add(t.valueOrNaN());
                continue;
            }
            best = Math.min(best, t.valueOrNaN());
            calls.add((double) t.number());
            bestSoFar.add(best);
            (t.isComplete() ? completeCalls : failedCalls).add((double) t.number());
            (t.isComplete() ? completeValues : failedValues).add(t.valueOrNaN());
        }
        if (calls.isEmpty() && !prunedCalls.isEmpty()) {
            throw new IllegalArgumentException("convergence plot: every trial with a value was pruned");
        }
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("convergence plot: no trial has a value yet");
        }
        XYChart chart = chart(results, trials.get(trials.size() - 1).number());
        scatter(chart, "value of each call", completeCalls, completeValues, SeriesMarkers.CIRCLE, new Color(0x99, 0x99, 0x99));
        scatter(chart, "failed call", failedCalls, failedValues, SeriesMarkers.CROSS, PlotStyle.FAILED);
        scatter(chart, "pruned call (last report)", prunedCalls, prunedValues, SeriesMarkers.DIAMOND, PlotStyle.PRUNED);
        XYSeries line = chart.addSeries("best so far", calls, bestSoFar);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setLineColor(PlotStyle.BAR);
        line.setMarkerColor(PlotStyle.BAR);
        return PlotStyle.render(chart);
    }

    private static XYChart chart(StudyResults results, int lastCall) {
        XYChart chart = new XYChart(900, 520);
        PlotStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);   // inside, it would hide failed calls at 0.0
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.setTitle("Convergence plot");
        chart.setXAxisTitle("Number of calls n");
        chart.setYAxisTitle(results.valueIsMinusAccuracy() ? "min f(x) after n calls   (f = - validation accuracy)"
                : "min f(x) after n calls");
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(lastCall + 0.5);
        return chart;
    }

    private static void scatter(XYChart chart, String name, List<Double> xs, List<Double> ys, Marker marker, Color colour) {
        if (xs.isEmpty()) {
            return;   // XChart refuses empty series
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(colour);
    }
}
