package org.tune4j.optimizer.surrogate;

/**
 * A regression model of the objective over the unit cube that also says how unsure it is.
 *
 * <p>Life cycle: construct (with its settings and, when it is random, a seeded generator), call
 * {@link #fit} with all observations so far, then {@link #predict} as often as needed. Calling
 * {@code fit} again replaces the model (the optimizer constructs a fresh surrogate for each fit so
 * that a result depends only on the seed and the data). Past 200 observations the optimizer
 * also calls {@link #conditionedOn} on a fitted model, which returns a new model (the default
 * declines, and the optimizer then fits as before). Not thread-safe during {@code fit};
 * {@code predict} and {@code conditionedOn} after a fit are read-only.
 */
public interface Surrogate {

    /**
     * Fits the model.
     *
     * @param x unit-cube inputs, one row per observation (n, d)
     * @param y finite objective values (n)
     */
    void fit(double[][] x, double[] y);

    /** Predictive mean and standard deviation at one unit-cube point. */
    Prediction predict(double[] x);

    /**
     * This model also conditioned on more observations (x, y) without refitting its
     * hyper-parameters, when the surrogate can do that more cheaply than a fit; empty otherwise
     * (the default), and then the caller fits a new surrogate on all the data. The returned model
     * is a new object; this one is unchanged.
     */
    default java.util.Optional<Surrogate> conditionedOn(double[][] x, double[] y) {
        return java.util.Optional.empty();
    }

    /** Predictions at many points (n, d); surrogates override this when batching is faster. */
    default Prediction[] predict(double[][] xs) {
        Prediction[] out = new Prediction[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = predict(xs[i]);
        }
        return out;
    }

    /** Checks fit arguments: same row count, rectangular, finite. */
    static void checkData(double[][] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("surrogate fit: expected as many rows in x as values in y (at least "
                    + "one), found " + x.length + " and " + y.length);
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("surrogate fit: row " + i + " has " + x[i].length
                        + " columns, expected " + d);
            }
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("surrogate fit: y[" + i + "] is " + y[i] + ", expected finite");
            }
        }
    }
}
