package org.tune4j.tuner.report;

/**
 * Histogram of sampled values of one dimension, as the outline polygon XChart fills
 * ({@code PolygonArea}), so that bars sit on the dimension's own axis: bins evenly spaced in axis
 * space (so log-spaced on a log axis), one bar per category or per value of a small integer range.
 *
 * @param edges  bin edges (bins + 1) in axis space
 * @param counts samples per bin
 */
record Histogram(double[] edges, int[] counts) {

    private static final int NUMERIC_BINS = 10;

    static Histogram of(DimensionAxis dim, double[] axisValues) {
        double[] edges = edges(dim);
        int[] counts = new int[edges.length - 1];
        for (double v : axisValues) {
            int b = 0;
            while (b < counts.length - 1 && v >= edges[b + 1]) {
                b++;   // values on the bounds land in the first and last bins
            }
            counts[b]++;
        }
        return new Histogram(edges, counts);
    }

    private static double[] edges(DimensionAxis dim) {
        double lo = dim.axisMin();
        double hi = dim.axisMax();
        int bins = dim.everyValueLabelled() ? (int) Math.round(hi - lo) : NUMERIC_BINS;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + (hi - lo) * b / bins;
        }
        return edges;
    }

    int maxCount() {
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }

    /** The x coordinates of the bars' outline, each bar inset by 8% of its width on both sides. */
    double[] outlineX() {
        double[] xs = new double[counts.length * 4];
        for (int b = 0; b < counts.length; b++) {
            double inset = 0.08 * (edges[b + 1] - edges[b]);
            xs[4 * b] = edges[b] + inset;
            xs[4 * b + 1] = edges[b] + inset;
            xs[4 * b + 2] = edges[b + 1] - inset;
            xs[4 * b + 3] = edges[b + 1] - inset;
        }
        return xs;
    }

    /** The y coordinates matching {@link #outlineX}: 0, count, count, 0 per bar. */
    double[] outlineY() {
        double[] ys = new double[counts.length * 4];
        for (int b = 0; b < counts.length; b++) {
            ys[4 * b + 1] = counts[b];
            ys[4 * b + 2] = counts[b];
        }
        return ys;
    }
}
