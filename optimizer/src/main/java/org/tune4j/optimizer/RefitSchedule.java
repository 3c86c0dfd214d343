package org.tune4j.optimizer;

/**
 * When the {@link Optimizer} refits its surrogate's hyper-parameters: after every observation up
 * to {@code everyUpTo} complete observations (gp_minimize's way), then only at every
 * {@code step}-th one ({@code everyUpTo + k·step}); in between, the model fitted at the last
 * refit is conditioned on the observations since ({@link
 * org.tune4j.optimizer.surrogate.Surrogate#conditionedOn}: for the GP, O(n²) per observation
 * instead of a fit), and the acquisition maximizer (and the expected minimum's search) scores
 * {@code candidates · (everyUpTo / n)²}
 * random candidates (at least {@link #MIN_CANDIDATES}) instead of all {@code candidates}: the
 * prediction of one candidate costs O(n²), so their total cost stays that of {@code everyUpTo}
 * observations (10,000 candidates at 200 observations, 400 at 1,000, 100 at 2,000; the best 5
 * are still refined by L-BFGS).
 * Surrogates that cannot be conditioned are refitted every time and score all candidates, as
 * before.
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

    /** Fewest random candidates scored past {@code everyUpTo} (fewer only when the configuration asks for fewer). */
    public static final int MIN_CANDIDATES = 100;

    /** The random candidates to score out of {@code candidates} when n observations are known. */
    public int candidates(int candidates, int n) {
        if (n <= everyUpTo) {
            return candidates;
        }
        double ratio = (double) everyUpTo / n;
        return (int) Math.min(candidates, Math.max(MIN_CANDIDATES, Math.round(candidates * ratio * ratio)));
    }
}
