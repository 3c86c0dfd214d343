package org.tune4j.optimizer.surrogate;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A CART regression tree (Breiman et al. 1984) grown to leaves of at least {@code minSamplesLeaf}
 * samples, splitting on the feature and threshold that most reduce the squared error. With
 * {@code randomThresholds} each feature gets one threshold drawn uniformly between its minimum and
 * maximum in the node, as in extremely randomized trees (Geurts, Ernst & Wehenkel 2006).
 *
 * <p>Each leaf keeps the mean and the (population) variance of its targets, from which
 * {@link RegressionForest} builds its predictive variance. Stored as flat arrays of nodes;
 * immutable once grown. Package-private: used only by the forests.
 */
final class RegressionTree {

    /** How a tree is grown. maxFeatures = number of features tried per split (≤ 0: all). */
    record Growth(int minSamplesLeaf, int maxFeatures, boolean randomThresholds) {
    }

    private int[] feature = new int[16];       // -1 for a leaf
    private double[] threshold = new double[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private double[] leafMean = new double[16];
    private double[] leafVariance = new double[16];
    private int size;

    private final double[][] x;
    private final double[] y;
    private final Growth growth;
    private final RandomGenerator rng;

    private RegressionTree(double[][] x, double[] y, Growth growth, RandomGenerator rng) {
        this.x = x;
        this.y = y;
        this.growth = growth;
        this.rng = rng;
    }

    /** Grows a tree on the rows {@code samples} of (x, y) (repeats allowed, for bootstrap samples). */
    static RegressionTree grow(double[][] x, double[] y, int[] samples, Growth growth, RandomGenerator rng) {
        RegressionTree tree = new RegressionTree(x, y, growth, rng);
        tree.build(samples.clone(), 0, samples.length);
        return tree;
    }

    /** Mean and variance of the leaf x falls in: {mean, variance}. */
    double[] leaf(double[] point) {
        int node = 0;
        while (feature[node] >= 0) {
            node = point[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return new double[] {leafMean[node], leafVariance[node]};
    }

    int nodeCount() {
        return size;
    }

    /** A split candidate: feature, threshold and the summed squared error it leaves. */
    private record Split(int feature, double threshold, double error) {
    }

    private int build(int[] idx, int from, int to) {
        int node = newNode();
        Split split = to - from >= 2 * growth.minSamplesLeaf() ? bestSplit(idx, from, to) : null;
        if (split == null) {
            makeLeaf(node, idx, from, to);
            return node;
        }
        int mid = partition(idx, from, to, split);
        feature[node] = split.feature();
        threshold[node] = split.threshold();
        int l = build(idx, from, mid);
        int r = build(idx, mid, to);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private Split bestSplit(int[] idx, int from, int to) {
        int d = x[0].length;
        int[] features = featureOrder(d);
        int tries = growth.maxFeatures() <= 0 ? d : Math.min(d, growth.maxFeatures());
        Split best = null;
        for (int f = 0; f < tries; f++) {
            Split s = growth.randomThresholds() ? randomSplit(idx, from, to, features[f])
                    : exhaustiveSplit(idx, from, to, features[f]);
            if (s != null && (best == null || s.error() < best.error())) {
                best = s;
            }
        }
        return best;
    }

    private int[] featureOrder(int d) {
        int[] order = new int[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        for (int i = d - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        return order;
    }

    /** Scans all thresholds between consecutive distinct values of feature f. */
    private Split exhaustiveSplit(int[] idx, int from, int to, int f) {
        int n = to - from;
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = idx[from + i];
        }
        Arrays.sort(sorted, (a, b) -> Double.compare(x[a][f], x[b][f]));
        double totalSum = 0;
        double totalSquares = 0;
        for (int i : sorted) {
            totalSum += y[i];
            totalSquares += y[i] * y[i];
        }
        double leftSum = 0;
        double leftSquares = 0;
        Split best = null;
        int minLeaf = growth.minSamplesLeaf();
        for (int k = 1; k < n; k++) {
            double v = y[sorted[k - 1]];
            leftSum += v;
            leftSquares += v * v;
            double lo = x[sorted[k - 1]][f];
            double hi = x[sorted[k]][f];
            if (k < minLeaf || n - k < minLeaf || !(lo < hi)) {
                continue;
            }
            double error = sse(leftSum, leftSquares, k) + sse(totalSum - leftSum, totalSquares - leftSquares, n - k);
            if (best == null || error < best.error()) {
                best = new Split(f, 0.5 * (lo + hi), error);
            }
        }
        return best;
    }

    /** One uniform threshold between the node's minimum and maximum of feature f. */
    private Split randomSplit(int[] idx, int from, int to, int f) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            min = Math.min(min, x[idx[i]][f]);
            max = Math.max(max, x[idx[i]][f]);
        }
        if (!(min < max)) {
            return null;
        }
        double t = min + rng.nextDouble() * (max - min);
        if (t >= max) {
            t = min;
        }
        double[] sums = new double[4]; // left sum, left squares, right sum, right squares
        int leftCount = 0;
        for (int i = from; i < to; i++) {
            double v = y[idx[i]];
            int side = x[idx[i]][f] <= t ? 0 : 2;
            sums[side] += v;
            sums[side + 1] += v * v;
            leftCount += side == 0 ? 1 : 0;
        }
        int rightCount = to - from - leftCount;
        if (leftCount < growth.minSamplesLeaf() || rightCount < growth.minSamplesLeaf()) {
            return null;
        }
        return new Split(f, t, sse(sums[0], sums[1], leftCount) + sse(sums[2], sums[3], rightCount));
    }

    private static double sse(double sum, double squares, int count) {
        return Math.max(0.0, squares - sum * sum / count);
    }

    private int partition(int[] idx, int from, int to, Split split) {
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (x[idx[i]][split.feature()] <= split.threshold()) {
                i++;
            } else {
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
                j--;
            }
        }
        return i;
    }

    private void makeLeaf(int node, int[] idx, int from, int to) {
        double sum = 0;
        double squares = 0;
        for (int i = from; i < to; i++) {
            sum += y[idx[i]];
            squares += y[idx[i]] * y[idx[i]];
        }
        int n = to - from;
        feature[node] = -1;
        leafMean[node] = sum / n;
        leafVariance[node] = sse(sum, squares, n) / n;
    }

    private int newNode() {
        if (size == feature.length) {
            int capacity = 2 * size;
            feature = Arrays.copyOf(feature, capacity);
            threshold = Arrays.copyOf(threshold, capacity);
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
            leafMean = Arrays.copyOf(leafMean, capacity);
            leafVariance = Arrays.copyOf(leafVariance, capacity);
        }
        return size++;
    }
}
