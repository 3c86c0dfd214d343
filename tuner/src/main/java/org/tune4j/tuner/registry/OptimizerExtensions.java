package org.tune4j.tuner.registry;

import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.initial.InitialPointGenerator;
import org.tune4j.optimizer.prune.PrunerFactory;
import org.tune4j.optimizer.surrogate.SurrogateFactory;

/**
 * The registries of the optimizer's extension points, keyed by the names the command line
 * and study.json use: surrogates ({@code gp}, ...), acquisition functions ({@code EI}, ...),
 * initial designs ({@code random}, ...) and pruners ({@code median}, ...). Each call loads the registry afresh from the class path.
 */
public final class OptimizerExtensions {
    private OptimizerExtensions() {
    }

    public static Registry<SurrogateFactory> surrogates() {
        return Registry.load(SurrogateFactory.class, "surrogate", SurrogateFactory::name);
    }

    public static Registry<AcquisitionFactory> acquisitions() {
        return Registry.load(AcquisitionFactory.class, "acquisition function", AcquisitionFactory::name);
    }

    public static Registry<InitialPointGenerator> designs() {
        return Registry.load(InitialPointGenerator.class, "initial design", InitialPointGenerator::name);
    }

    public static Registry<PrunerFactory> pruners() {
        return Registry.load(PrunerFactory.class, "pruner", PrunerFactory::name);
    }
}
