package org.tune4j.optimizer;

/**
 * When the {@link Optimizer} refits its surrogate's hyper-parameters: after every observation up
 * to {@code everyUpTo} complete observations (gp_minimize's way), then only at every
 * {@code step}-th one ({@code everyUpTo + k·step}); in between, the model fitted at the last
 * refit is conditioned on the observations since ({@link
 * org.tune4j.optimizer.surrogate.Surrogate#conditionedOn}: for the GP, O(n²) per observation
 * instead of a fit), and the acquisition maximizer scores {@code candidates · everyUpTo / n}
 * random candidates instead of all {@code candidates} (their prediction costs O(n²) each).
 * Surrogates that cannot be conditioned are refitted every time, as before.
 *
 * <p>The schedule depends only on n, so an optimizer rebuilt from a journal makes the same fits.
 *
 * @param everyUpTo refit at every observation up to this many (>= 1)
 * @param step      then refit every step observations (>= 1)
 */
public record RefitSchedule(int everyUpTo, int step) {
    /** Refit at every observation up to 200, then every 20 (past 200, one ask + tell < 0.5 s at 1,000). */
    public static final RefitSchedule DEFAULT = new RefitSchedule(200, 20);

    public RefitSchedule {
        if (everyUpTo < 1 || step < 1) {
            throw new IllegalArgumentException("RefitSchedule: expected everyUpTo >= 1 and step >= 1, found "
                    + everyUpTo + ", " + step);
        }
    }

    /** The number of observations (the first ones) whose fit is used when n are known. */
    public int fittedOn(int n) {
        return n <= everyUpTo ? n : everyUpTo + (n - everyUpTo) / step * step;
    }

    /** The random candidates to score out of {@code candidates} when n observations are known (at least 1). */
    public int candidates(int candidates, int n) {
        return n <= everyUpTo ? candidates : (int) Math.max(1, (long) candidates * everyUpTo / n);
    }
}
