package org.tune4j.optimizer;

import java.util.List;
import java.util.function.Supplier;
import org.tune4j.optimizer.surrogate.Prediction;

/**
 * How {@link Optimizer#ask(int, BatchStrategy)} hands out several points at once: each pending
 * point (asked, not yet told) is treated as if it had been observed at a made-up value, its
 * <em>lie</em>, and the surrogate is refitted on the observations plus the lies before the next
 * point of the batch is proposed, so the next point goes elsewhere.
 *
 * <ul>
 * <li>{@link #CL_MIN}, {@link #CL_MEAN}, {@link #CL_MAX}: the constant liar of Ginsbourger, Le Riche
 *     & Carraro (2010, "Kriging is well-suited to parallelize optimization", section 4.2): every
 *     lie is the lowest, the mean or the highest value observed so far. A low lie keeps the
 *     search near the incumbent, a high one pushes it away.</li>
 * <li>{@link #KRIGING_BELIEVER}: the Kriging believer of the same paper (section 4.1): a pending
 *     point's lie is the surrogate's own mean there (the surrogate fitted on the observations
 *     only). For a GP with fixed hyper-parameters such a lie leaves the posterior mean unchanged
 *     everywhere and only shrinks the variance around the pending point.</li>
 * </ul>
 * {@link #LOCAL_PENALIZATION} tells no lies: it penalizes the acquisition around pending points.
 * {@link #FANTASIES} tells {@link #FANTASY_SAMPLES} random ones: it averages the acquisition over
 * joint draws of the pending outcomes (Snoek et al. 2012).
 * Stateless; the lies are recomputed at every ask from the current observations.
 */
public enum BatchStrategy {
    /** Constant liar, lie = min observed value (what {@link Optimizer#ask()} uses for pending points). */
    CL_MIN,
    /** Constant liar, lie = mean of the observed values. */
    CL_MEAN,
    /** Constant liar, lie = max observed value. */
    CL_MAX,
    /** Kriging believer, lie = the surrogate's predictive mean at the pending point. */
    KRIGING_BELIEVER,
    /**
     * No lies: the surrogate is fitted on the observations only and the acquisition is multiplied
     * by the local penalizers of the pending points (González et al. 2016, {@link
     * org.tune4j.optimizer.acquisition.LocalPenalty}). Needs a differentiable surrogate (the GP)
     * for its Lipschitz estimate; with another one, CL_MIN's lies are used instead.
     */
    LOCAL_PENALIZATION,
    /**
     * Monte Carlo fantasies (Snoek, Larochelle & Adams 2012, section 3.3): the GP of the
     * observations is conditioned on {@link #FANTASY_SAMPLES} joint draws of the pending points'
     * outcomes from its own predictive distribution, at fixed hyper-parameters, and the
     * acquisition is averaged over them ({@link org.tune4j.optimizer.surrogate.FantasyPosterior},
     * {@link org.tune4j.optimizer.acquisition.FantasyAcquisition}). The draws come from the stream
     * (seed, "fantasies", ask number), so a replayed journal asks the same points. Needs the GP;
     * with another surrogate, CL_MIN's lies are used instead.
     */
    FANTASIES;

    /** M, the number of fantasies {@link #FANTASIES} averages over. */
    public static final int FANTASY_SAMPLES = 16;

    /**
     * The lie for one pending point.
     *
     * @param observed the finite objective values observed so far (not empty)
     * @param belief   the surrogate's prediction at the pending point (fitted on the observations only);
     *                 called only by {@link #KRIGING_BELIEVER}
     */
    public double lie(List<Double> observed, Supplier<Prediction> belief) {
        return switch (this) {
            case CL_MIN -> observed.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case CL_MEAN -> observed.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case CL_MAX -> observed.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case KRIGING_BELIEVER -> belief.get().mean();
            case LOCAL_PENALIZATION, FANTASIES -> CL_MIN.lie(observed, belief); // their fallback without a GP
        };
    }

    /** The name used by files and reports: "cl-min", "cl-mean", "cl-max", "kriging-believer", "local-penalization", "fantasies". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The strategy of a {@link #label()}.
     *
     * @throws IllegalArgumentException naming the labels when {@code label} is none of them
     */
    public static BatchStrategy fromLabel(String label) {
        for (BatchStrategy s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected one of " + String.join(", ",
                java.util.Arrays.stream(values()).map(BatchStrategy::label).toList()) + ", found '" + label + "'");
    }
}
