package org.tune4j.tuner.report;

import java.awt.Color;

/**
 * Maps objective values to colours for the partial-dependence heat maps: viridis reversed, so the
 * lowest value (best: highest accuracy) is bright yellow and the highest is dark purple, as in
 * skopt's {@code plot_objective} ({@code viridis_r}). One scale is shared by every panel of a plot,
 * so equal colours mean equal values.
 *
 * @param min the value drawn yellow
 * @param max the value drawn dark purple
 */
record ColourScale(double min, double max) {

    /** A scale spanning all values of the given surfaces (a tiny span if they are all equal). */
    static ColourScale spanning(Iterable<Dependence.Surface> surfaces) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Dependence.Surface s : surfaces) {
            min = Math.min(min, s.min());
            max = Math.max(max, s.max());
        }
        if (!(min < max)) {
            double centre = Double.isFinite(min) ? min : 0;
            return new ColourScale(centre - 1e-6, centre + 1e-6);
        }
        return new ColourScale(min, max);
    }

    Color colour(double value) {
        return PlotStyle.viridis(1 - (value - min) / (max - min));
    }

    /** The colour key beside a plot: best (min) at the top, worst (max) at the bottom. */
    java.awt.image.BufferedImage bar(String title, int width, int height) {
        return ColourBar.draw(title, PlotStyle::viridis, DimensionAxis.formatReal(min) + " (best)",
                DimensionAxis.formatReal(max), width, height);
    }
}
