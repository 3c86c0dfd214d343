package org.tune4j.tuner.report;

/**
 * Histogram of sampled values of one dimension, as the outline polygon XChart fills
 * ({@code PolygonArea}), so that bars sit on the dimension's own axis (log-spaced bins on a log
 * axis, one bar per category or per integer when there are few).
 *
 * @param edges  bin edges (bins + 1) on the axis
 * @param counts samples per bin
 */
record Histogram(double[] edges, int[] counts) {

    private static final int NUMERIC_BINS = 10;
    private static final int MAX_INTEGER_BARS = 20;

    static Histogram of(DimensionInfo dim, double[] axisValues) {
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

    private static double[] edges(DimensionInfo dim) {
        double lo = dim.axisMin();
        double hi = dim.axisMax();
        int steps = (int) Math.round(hi - lo);
        int bins = dim.kind() != DimensionInfo.Kind.REAL && steps <= MAX_INTEGER_BARS ? steps : NUMERIC_BINS;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            double f = (double) b / bins;
            edges[b] = dim.logUniform() ? Math.exp(Math.log(lo) + f * (Math.log(hi) - Math.log(lo))) : lo + f * (hi - lo);
        }
        edges[0] = lo;   // exactly, whatever the rounding of exp(log(...))
        edges[bins] = hi;
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
    double[] outlineX(boolean logAxis) {
        double[] xs = new double[counts.length * 4];
        for (int b = 0; b < counts.length; b++) {
            double left = edges[b];
            double right = edges[b + 1];
            double inset = 0.08;
            double l = logAxis ? Math.exp(Math.log(left) + inset * Math.log(right / left)) : left + inset * (right - left);
            double r = logAxis ? Math.exp(Math.log(right) - inset * Math.log(right / left)) : right - inset * (right - left);
            xs[4 * b] = l;
            xs[4 * b + 1] = l;
            xs[4 * b + 2] = r;
            xs[4 * b + 3] = r;
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
