package org.tune4j.optimizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.acquisition.ExpectedImprovement;
import org.tune4j.optimizer.initial.InitialPointGenerator;
import org.tune4j.optimizer.initial.RandomDesign;
import org.tune4j.optimizer.surrogate.GaussianProcess;
import org.tune4j.optimizer.surrogate.SurrogateFactory;

/**
 * The settings of an {@link Optimizer}: immutable, validated on construction. {@link #defaults()}
 * are scikit-optimize's {@code gp_minimize}: GP surrogate (2 restarts of its marginal-likelihood
 * fit), EI with xi = 0.01, 10 random initial points, acquisition maximized over 10,000 candidates
 * refined from the best 5, seed 0.
 *
 * <p>The surrogate and the acquisition function are objects (their factories), so a library user
 * passes their own; the tuner turns the names of files and the command line into them. Their
 * numeric parameters are carried by name: the compact constructor checks each given value against
 * the factory's declared {@link Parameter} and fills in the defaults of the others, so
 * {@link #acquisitionParameters} and {@link #surrogateParameters} always hold every declared
 * parameter, in declaration order.
 *
 * @param surrogate             the model that guides the search after the initial design
 * @param surrogateParameters   values of the surrogate's parameters, by name (missing ones take defaults)
 * @param acquisition           the acquisition function (unused by random search)
 * @param acquisitionParameters values of the acquisition's parameters, by name (missing ones take defaults)
 * @param initialDesign         the layout of the initial design
 * @param initialPoints         asked points taken from the initial design (>= 0)
 * @param candidates            random candidates scored per acquisition maximization (>= 1)
 * @param refineFrom            best candidates refined by gradient steps (>= 0; differentiable surrogates only)
 * @param seed                  base seed of every random stream
 */
public record OptimizerConfig(SurrogateFactory surrogate, Map<String, Double> surrogateParameters,
        AcquisitionFactory acquisition, Map<String, Double> acquisitionParameters,
        InitialPointGenerator initialDesign, int initialPoints, int candidates, int refineFrom, long seed) {

    public OptimizerConfig {
        Objects.requireNonNull(surrogate, "OptimizerConfig: surrogate");
        Objects.requireNonNull(acquisition, "OptimizerConfig: acquisition");
        Objects.requireNonNull(initialDesign, "OptimizerConfig: initialDesign");
        surrogateParameters = Parameter.resolve("surrogate " + surrogate.name(), surrogate.parameters(),
                surrogateParameters == null ? Map.of() : surrogateParameters);
        acquisitionParameters = Parameter.resolve("acquisition " + acquisition.name(), acquisition.parameters(),
                acquisitionParameters == null ? Map.of() : acquisitionParameters);
        require(initialPoints >= 0, "initialPoints >= 0", initialPoints);
        require(candidates >= 1, "candidates >= 1", candidates);
        require(refineFrom >= 0, "refineFrom >= 0", refineFrom);
    }

    private static void require(boolean ok, String expected, Object found) {
        if (!ok) {
            throw new IllegalArgumentException("OptimizerConfig: expected " + expected + ", found " + found);
        }
    }

    /** gp_minimize's defaults (see the class comment). */
    public static OptimizerConfig defaults() {
        return new OptimizerConfig(new GaussianProcess.Factory(), Map.of(), new ExpectedImprovement.Factory(),
                Map.of(), new RandomDesign(), 10, 10_000, 5, 0L);
    }

    /** Another surrogate; parameters it shares with the current one keep their values, the others their defaults. */
    public OptimizerConfig withSurrogate(SurrogateFactory v) {
        return new OptimizerConfig(v, shared(surrogateParameters, v.parameters()), acquisition,
                acquisitionParameters, initialDesign, initialPoints, candidates, refineFrom, seed);
    }

    /** Another acquisition; parameters it shares with the current one keep their values, the others their defaults. */
    public OptimizerConfig withAcquisition(AcquisitionFactory v) {
        return new OptimizerConfig(surrogate, surrogateParameters, v, shared(acquisitionParameters, v.parameters()),
                initialDesign, initialPoints, candidates, refineFrom, seed);
    }

    /** One parameter of the surrogate set (it must be one the surrogate declares). */
    public OptimizerConfig withSurrogateParameter(String name, double value) {
        return new OptimizerConfig(surrogate, with(surrogateParameters, name, value), acquisition,
                acquisitionParameters, initialDesign, initialPoints, candidates, refineFrom, seed);
    }

    /** One parameter of the acquisition set (it must be one the acquisition declares). */
    public OptimizerConfig withAcquisitionParameter(String name, double value) {
        return new OptimizerConfig(surrogate, surrogateParameters, acquisition,
                with(acquisitionParameters, name, value), initialDesign, initialPoints, candidates, refineFrom, seed);
    }

    public OptimizerConfig withInitialDesign(InitialPointGenerator v) {
        return new OptimizerConfig(surrogate, surrogateParameters, acquisition, acquisitionParameters, v,
                initialPoints, candidates, refineFrom, seed);
    }

    public OptimizerConfig withInitialPoints(int v) {
        return new OptimizerConfig(surrogate, surrogateParameters, acquisition, acquisitionParameters, initialDesign,
                v, candidates, refineFrom, seed);
    }

    public OptimizerConfig withCandidates(int v) {
        return new OptimizerConfig(surrogate, surrogateParameters, acquisition, acquisitionParameters, initialDesign,
                initialPoints, v, refineFrom, seed);
    }

    public OptimizerConfig withRefineFrom(int v) {
        return new OptimizerConfig(surrogate, surrogateParameters, acquisition, acquisitionParameters, initialDesign,
                initialPoints, candidates, v, seed);
    }

    public OptimizerConfig withSeed(long v) {
        return new OptimizerConfig(surrogate, surrogateParameters, acquisition, acquisitionParameters, initialDesign,
                initialPoints, candidates, refineFrom, v);
    }

    private static Map<String, Double> shared(Map<String, Double> values, List<Parameter> declared) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Parameter p : declared) {
            if (values.containsKey(p.name())) {
                out.put(p.name(), values.get(p.name()));
            }
        }
        return out;
    }

    private static Map<String, Double> with(Map<String, Double> values, String name, double value) {
        Map<String, Double> out = new LinkedHashMap<>(values);
        out.put(name, value);
        return out;
    }
}
