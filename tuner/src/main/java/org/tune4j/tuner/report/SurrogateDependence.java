package org.tune4j.tuner.report;

import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.analysis.PartialDependence;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.Surrogate;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.OptimizerJson;
import org.tune4j.tuner.storage.TrialRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The final surrogate of a study, rebuilt from {@code results.json} alone, and its partial
 * dependence: the trials are replayed, in call order, into an optimizer with the run's space and
 * configuration (same seed, so the same fit), its {@code surrogate()} is taken, and the optimizer's
 * {@link PartialDependence} averages it over the evaluated points. The result is handed to the
 * plots on their axes ({@link Dependence}).
 *
 * <p>Replay follows what the study told the optimizer: a trial with a value (complete, or failed
 * with the study's penalty) is replayed with that value; a failed trial without one is replayed as
 * failed.
 */
final class SurrogateDependence implements Dependence {

    /** At most this many evaluated points are averaged over, so that a long study still draws in seconds. */
    static final int MAX_BACKGROUND = 50;

    private final List<DimensionAxis> dims;
    private final PartialDependence analysis;
    private final int gridPoints;

    private SurrogateDependence(List<DimensionAxis> dims, PartialDependence analysis, int gridPoints) {
        this.dims = dims;
        this.analysis = analysis;
        this.gridPoints = gridPoints;
    }

    static Dependence fit(StudyResults results, int gridPoints) throws PlotSkipped {
        Space space = results.space();
        Optimizer optimizer = new Optimizer(space, config(results));
        List<TrialRecord> trials = new ArrayList<>(results.trials());
        trials.sort(Comparator.comparingInt(TrialRecord::number));
        List<List<Object>> evaluated = new ArrayList<>();
        for (TrialRecord t : trials) {
            List<Object> point;
            try {
                point = space.fromMap(t.params());
            } catch (IllegalArgumentException e) {
                throw new PlotSkipped("cannot replay trial " + t.number() + " into the optimizer: " + e.getMessage(), e);
            }
            if (Double.isFinite(t.valueOrNaN())) {
                optimizer.replay(point, t.valueOrNaN());
            } else {
                optimizer.replayFailed(point);
            }
            evaluated.add(point);
        }
        return new SurrogateDependence(results.axes(),
                new PartialDependence(space, surrogate(optimizer, results), thinned(evaluated)), gridPoints);
    }

    private static Surrogate surrogate(Optimizer optimizer, StudyResults results) throws PlotSkipped {
        try {
            return optimizer.surrogate().orElseThrow(() -> new PlotSkipped(
                    "no surrogate to draw: " + (!optimizer.config().surrogate().buildsModel()
                            ? "random search has none" : "a surrogate needs at least 2 complete trials, this run has "
                            + results.completeTrials().size())));
        } catch (RuntimeException e) {   // e.g. a GP whose kernel matrix stays singular
            throw new PlotSkipped("the surrogate could not be refitted: " + e, e);
        }
    }

    @Override
    public List<DimensionAxis> space() {
        return dims;
    }

    @Override
    public Curve curve(int d) {
        PartialDependence.Curve c = analysis.oneD(d, gridPoints);
        return new Curve(d, onAxis(dims.get(d), c.values()), c.means());
    }

    @Override
    public Surface surface(int xDim, int yDim) {
        PartialDependence.Surface s = analysis.twoD(xDim, yDim, gridPoints);
        return new Surface(xDim, yDim, onAxis(dims.get(xDim), s.xValues()), onAxis(dims.get(yDim), s.yValues()),
                s.means());
    }

    private static double[] onAxis(DimensionAxis dim, List<Object> values) {
        return values.stream().mapToDouble(dim::axisValue).toArray();
    }

    /** The evaluated points, thinned evenly to at most {@value #MAX_BACKGROUND}. */
    static <T> List<T> thinned(List<T> points) {
        if (points.size() <= MAX_BACKGROUND) {
            return points;
        }
        List<T> out = new ArrayList<>(MAX_BACKGROUND);
        for (int i = 0; i < MAX_BACKGROUND; i++) {
            out.add(points.get((int) ((long) i * points.size() / MAX_BACKGROUND)));
        }
        return out;
    }

    /**
     * The run's optimizer settings, read as study.json records them (the config's {@code optimizer}
     * object, or the config itself for an ask/tell study); absent settings keep the defaults.
     */
    static OptimizerConfig config(StudyResults results) throws PlotSkipped {
        Object section = results.config().get("optimizer") instanceof Map<?, ?> nested ? nested : results.config();
        try {
            return OptimizerJson.config(Json.mapper().valueToTree(section));
        } catch (IllegalArgumentException e) {
            throw new PlotSkipped("cannot rebuild the optimizer from the run's config: " + e.getMessage(), e);
        }
    }
}
