package org.tune4j.tuner.study;

import org.tune4j.optimizer.AcquisitionKind;
import org.tune4j.optimizer.InitialDesign;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.SurrogateKind;

/**
 * The optimizer settings a study records in {@code study.json} (the rest of
 * {@link OptimizerConfig} keeps gp_minimize's defaults). Defaults are the tutorial's:
 * GP + EI, xi 0.01, kappa 1.96, 10 random initial points, seed 0.
 *
 * @param surrogate     model that guides the search after the initial design
 * @param acquisition   acquisition function
 * @param xi            improvement margin of EI and PI (>= 0)
 * @param kappa         exploration weight of LCB (>= 0)
 * @param initialPoints asked points taken from the initial design (>= 0)
 * @param initialDesign layout of the initial design
 * @param seed          seed of every random stream of the optimizer
 */
public record OptimizerSettings(SurrogateKind surrogate, AcquisitionKind acquisition, double xi, double kappa,
                                int initialPoints, InitialDesign initialDesign, long seed) {

    public OptimizerSettings {
        toConfig(surrogate, acquisition, xi, kappa, initialPoints, initialDesign, seed); // validates
    }

    /** The tutorial's (gp_minimize's) settings. */
    public static OptimizerSettings defaults() {
        OptimizerConfig d = OptimizerConfig.defaults();
        return new OptimizerSettings(d.surrogate(), d.acquisition(), d.xi(), d.kappa(), d.initialPoints(),
                d.initialDesign(), d.seed());
    }

    /** The optimizer's configuration. */
    public OptimizerConfig toConfig() {
        return toConfig(surrogate, acquisition, xi, kappa, initialPoints, initialDesign, seed);
    }

    private static OptimizerConfig toConfig(SurrogateKind surrogate, AcquisitionKind acquisition, double xi,
                                            double kappa, int initialPoints, InitialDesign initialDesign, long seed) {
        return OptimizerConfig.defaults().withSurrogate(surrogate).withAcquisition(acquisition).withXi(xi)
                .withKappa(kappa).withInitialPoints(initialPoints).withInitialDesign(initialDesign).withSeed(seed);
    }
}
