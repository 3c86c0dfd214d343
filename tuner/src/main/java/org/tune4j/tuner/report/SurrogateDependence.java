package org.tune4j.tuner.report;

import org.tune4j.optimizer.AcquisitionKind;
import org.tune4j.optimizer.InitialDesign;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.SurrogateKind;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.Dimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.Surrogate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The final surrogate of a study, rebuilt from {@code results.json} alone: the trials are replayed,
 * in call order, into an optimizer with the run's space and configuration (same seed, so the same
 * fit), and its {@code surrogate()} is asked for predictions. Partial dependence is then averaged
 * over the evaluated points ({@link AveragedDependence}): the optimizer's own partial-dependence
 * analysis had not landed when this was written.
 *
 * <p>Replay follows what the study told the optimizer: a trial with a value (complete, or failed
 * with the study's penalty) is replayed with that value; a failed trial without one is replayed as
 * failed.
 */
final class SurrogateDependence {

    static final int MAX_BACKGROUND = 50;

    private SurrogateDependence() {
    }

    static Dependence fit(RunResults results, Samples samples, int gridPoints) throws PlotSkipped {
        Space space = space(results.space());
        Optimizer optimizer = new Optimizer(space, config(results));
        List<TrialRecord> trials = new ArrayList<>(results.trials());
        trials.sort(Comparator.comparingInt(TrialRecord::number));
        for (TrialRecord t : trials) {
            List<Object> point;
            try {
                point = space.fromMap(t.params());
            } catch (IllegalArgumentException e) {
                throw new PlotSkipped("cannot replay trial " + t.number() + " into the optimizer: " + e.getMessage(), e);
            }
            if (Double.isFinite(t.value())) {
                optimizer.replay(point, t.value());
            } else {
                optimizer.replayFailed(point);
            }
        }
        Surrogate surrogate;
        try {
            surrogate = optimizer.surrogate().orElseThrow(() -> new PlotSkipped(
                    "no surrogate to draw: " + (optimizer.config().surrogate() == SurrogateKind.RANDOM
                            ? "random search has none" : "a surrogate needs at least 2 complete trials, this run has "
                            + results.completeTrials().size())));
        } catch (RuntimeException e) {   // e.g. a GP whose kernel matrix stays singular
            throw new PlotSkipped("the surrogate could not be refitted: " + e, e);
        }
        List<DimensionInfo> dims = results.space();
        return new AveragedDependence(dims, background(samples.axis()),
                axis -> surrogate.predict(space.toUnit(typedPoint(dims, axis))).mean(), gridPoints);
    }

    /**
     * The points partial dependence averages over: the evaluated points, thinned evenly to at most
     * {@value #MAX_BACKGROUND} so a long study still draws in seconds (every surface costs grid
     * points squared times background points predictions).
     */
    static double[][] background(double[][] evaluated) {
        if (evaluated.length <= MAX_BACKGROUND) {
            return evaluated;
        }
        double[][] out = new double[MAX_BACKGROUND][];
        for (int i = 0; i < MAX_BACKGROUND; i++) {
            out[i] = evaluated[(int) ((long) i * evaluated.length / MAX_BACKGROUND)];
        }
        return out;
    }

    /** The optimizer's space for the dimensions of results.json. */
    static Space space(List<DimensionInfo> dims) {
        List<Dimension> out = new ArrayList<>();
        for (DimensionInfo d : dims) {
            Prior prior = d.logUniform() ? Prior.LOG_UNIFORM : Prior.UNIFORM;
            out.add(switch (d.kind()) {
                case REAL -> new RealDimension(d.name(), d.low(), d.high(), prior);
                case INTEGER -> new IntegerDimension(d.name(), (int) Math.round(d.low()), (int) Math.round(d.high()), prior);
                case CATEGORICAL -> new CategoricalDimension(d.name(), d.categories());
            });
        }
        return new Space(out);
    }

    /** The run's optimizer settings; settings absent from the config keep the optimizer's defaults. */
    static OptimizerConfig config(RunResults results) throws PlotSkipped {
        OptimizerConfig c = OptimizerConfig.defaults();
        try {
            c = c.withSurrogate(surrogateKind(results.optimizerText("surrogate", c.surrogate().name())))
                    .withAcquisition(enumNamed(AcquisitionKind.class, results.optimizerText("acquisition", c.acquisition().name())))
                    .withInitialDesign(enumNamed(InitialDesign.class,
                            results.optimizerText("initial_design", c.initialDesign().name())))
                    .withXi(results.optimizerNumber("xi", c.xi()))
                    .withKappa(results.optimizerNumber("kappa", c.kappa()))
                    .withInitialPoints((int) results.optimizerNumber("initial_points", c.initialPoints()))
                    .withSeed((long) results.optimizerNumber("seed", c.seed()));
        } catch (IllegalArgumentException e) {
            throw new PlotSkipped("cannot rebuild the optimizer from the run's config: " + e.getMessage(), e);
        }
        return c;
    }

    private static SurrogateKind surrogateKind(String text) {
        return switch (normalized(text)) {
            case "FOREST", "RF" -> SurrogateKind.RANDOM_FOREST;
            case "ET" -> SurrogateKind.EXTRA_TREES;
            default -> enumNamed(SurrogateKind.class, text);
        };
    }

    private static <E extends Enum<E>> E enumNamed(Class<E> type, String text) {
        String wanted = normalized(text);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " \"" + text + "\"");
    }

    private static String normalized(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** A point on the plots' axes as the optimizer's typed point (Double, Integer, String). */
    private static List<Object> typedPoint(List<DimensionInfo> dims, double[] axis) {
        List<Object> point = new ArrayList<>(dims.size());
        for (int d = 0; d < dims.size(); d++) {
            DimensionInfo dim = dims.get(d);
            point.add(switch (dim.kind()) {
                case REAL -> Math.max(dim.low(), Math.min(dim.high(), dim.fromAxis(axis[d])));   // rounding stays inside
                case INTEGER -> (int) Math.round(dim.fromAxis(axis[d]));
                case CATEGORICAL -> dim.categories().get((int) Math.round(axis[d]));
            });
        }
        return point;
    }
}
