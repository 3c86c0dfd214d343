package org.tune4j.optimizer.acquisition;

import java.util.Objects;
import org.tune4j.optimizer.surrogate.FantasyPosterior;
import org.tune4j.optimizer.surrogate.FantasyPosterior.Fantasized;
import org.tune4j.optimizer.surrogate.FantasyPosterior.FantasizedGradient;

/**
 * An acquisition function averaged over the fantasies of the pending points (Snoek, Larochelle &
 * Adams 2012, section 3.3, their eq. for â(x; {x_n, y_n}, θ, {x_j}) with θ fixed): with M fantasies,
 * <pre>
 *   u(x) = (1/M) Σ_m a(μ_m(x), σ_c(x), y*_m),    y*_m = min(best observed, the lowest outcome of fantasy m)
 *   ∂u/∂x = (1/M) Σ_m [∂a/∂mean(m) ∂μ_m/∂x + ∂a/∂std(m) ∂σ_c/∂x]
 * </pre>
 * where μ_m, σ_c are the means and the shared standard deviation of {@link FantasyPosterior}. The
 * incumbent y*_m counts the fantasized outcomes as observations, so a point on top of a pending
 * one is worth little in every fantasy. Any {@link AcquisitionFunction} works; the optimizer uses
 * its configured one (EI by default). Immutable.
 */
public record FantasyAcquisition(FantasyPosterior posterior) {
    public FantasyAcquisition {
        Objects.requireNonNull(posterior, "posterior");
    }

    /** The averaged utility at each unit-cube point. */
    public double[] utilities(AcquisitionFunction acquisition, double best, double[][] units) {
        Fantasized[] at = posterior.predict(units);
        double[] bests = incumbents(best);
        double[] out = new double[units.length];
        for (int j = 0; j < units.length; j++) {
            double s = 0;
            for (int m = 0; m < bests.length; m++) {
                s += acquisition.utility(at[j].means()[m], at[j].std(), bests[m]);
            }
            out[j] = s / bests.length;
        }
        return out;
    }

    /** The averaged utility at x, with ∂u/∂x written into {@code gradient}. */
    public double utilityAndGradient(AcquisitionFunction acquisition, double best, double[] x, double[] gradient) {
        FantasizedGradient p = posterior.predictWithGradient(x);
        double[] bests = incumbents(best);
        int samples = bests.length;
        java.util.Arrays.fill(gradient, 0.0);
        double u = 0;
        for (int m = 0; m < samples; m++) {
            AcquisitionFunction.Sensitivity s = acquisition.sensitivity(p.means()[m], p.std(), bests[m]);
            u += s.utility() / samples;
            for (int i = 0; i < x.length; i++) {
                gradient[i] += (s.dMean() * p.dMeans()[m][i] + s.dStd() * p.dStd()[i]) / samples;
            }
        }
        return u;
    }

    /** y*_m for each fantasy. */
    private double[] incumbents(double best) {
        double[] out = new double[posterior.samples()];
        for (int m = 0; m < out.length; m++) {
            out[m] = Math.min(best, posterior.lowestOutcome(m));
        }
        return out;
    }
}
