package org.tune4j.tuner.report;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.TrialRecord;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * How often each category of one categorical dimension was sampled, as the tutorial's histogram of
 * the activation function: complete trials in blue, pruned ones stacked on top in orange (when there are any), failed
 * ones in red. A category
 * the optimizer keeps choosing is the one the surrogate believes in.
 */
final class CategoryHistogramPlot {

    private CategoryHistogramPlot() {
    }

    static BufferedImage draw(DimensionAxis dim, List<TrialRecord> trials) {
        List<String> categories = dim.categories();
        List<Integer> complete = new ArrayList<>();
        List<Integer> pruned = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        for (String category : categories) {
            complete.add(count(trials, dim, category, TrialState.COMPLETE));
            pruned.add(count(trials, dim, category, TrialState.PRUNED));
            failed.add(count(trials, dim, category, TrialState.FAILED));
        }
        CategoryChart chart = new CategoryChart(700, 450);
        PlotStyle.apply(chart.getStyler());
        chart.setTitle("Sampled values of " + dim.name() + " (" + trials.size() + " calls)");
        chart.setXAxisTitle(dim.name());
        chart.setYAxisTitle("number of calls");
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setAvailableSpaceFill(0.6);
        CategorySeries ok = chart.addSeries("complete", categories, complete);
        ok.setFillColor(PlotStyle.BAR);
        if (trials.stream().anyMatch(TrialRecord::isPruned)) {
            chart.addSeries("pruned", categories, pruned).setFillColor(PlotStyle.PRUNED);
        }
        CategorySeries bad = chart.addSeries("failed", categories, failed);
        bad.setFillColor(PlotStyle.FAILED);
        return PlotStyle.render(chart);
    }

    private static int count(List<TrialRecord> trials, DimensionAxis dim, String category, TrialState state) {
        int n = 0;
        for (TrialRecord t : trials) {
            if (t.state() == state && category.equals(String.valueOf(t.params().get(dim.name())))) {
                n++;
            }
        }
        return n;
    }
}
