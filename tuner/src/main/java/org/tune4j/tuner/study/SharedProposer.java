package org.tune4j.tuner.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.FitMemo;
import org.tune4j.optimizer.Optimizer;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.SpaceExhaustedException;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgStudy;

/**
 * A shared-study worker's proposals ({@link PgStudy.Proposer}): the optimizer rebuilt from the
 * finished trials ({@link Optimizer#forWorker}: its last fit kept in a {@link FitMemo}, so an ask
 * does not refit hyper-parameters it fitted before, nor past 200 trials at every ask), the running and queued
 * trials marked pending ({@link Optimizer#addPending}: the constant liar "min" of Ginsbourger et
 * al. 2010 at each of them, conditioned on the fit at fixed hyper-parameters), one ask.
 *
 * <p>A proposal is made outside the study's lock, so trials may start meanwhile. It is
 * {@link #stale} (made again with them pending) when one of them lies within {@link #NEAR} of it:
 * the root-mean-square distance per coordinate of the unit cube the surrogate sees (0.1: in two
 * dimensions a disc of about 6% of the square). Two workers that proposed from the same trials
 * propose the same point (the n-th ask's random stream is fixed), so the second always proposes
 * again; near points are what the constant liar is for (a lie flattens the acquisition around
 * it); a point far from every newcomer is kept, as the lie would have changed little there.
 *
 * <p>The study's given points (the tutorial's x0) come first: trial k of the first ones gets
 * given point k, once across workers; they are told as given (not counted toward the initial
 * design), and one still running elsewhere is pending without counting toward it either.
 *
 * <p>Life cycle: one per worker thread; not thread-safe ({@link #another} gives the worker's
 * background refill a proposer of its own).
 */
public final class SharedProposer implements PgStudy.Proposer {
    /** Root-mean-square distance per unit-cube coordinate below which a newly pending point makes a proposal stale. */
    public static final double NEAR = 0.1;

    private final Space space;
    private final OptimizerConfig config;
    private final FitMemo fits = new FitMemo();
    private final List<Map<String, Object>> givenPoints;
    private SharedProposer twin;  // the background refill's (PgStudy.Proposer#another), made at its first use

    public SharedProposer(Space space, OptimizerConfig config) {
        this(space, config, List.of());
    }

    /** A worker's proposer for a study whose first trials take {@code givenPoints}, in order. */
    public SharedProposer(Space space, OptimizerConfig config, List<Map<String, Object>> givenPoints) {
        this.space = space;
        this.config = config;
        this.givenPoints = List.copyOf(givenPoints);
    }

    @Override
    public Map<String, Object> propose(List<TrialRecord> finished, List<Map<String, Object>> pending) {
        int before = finished.size() + pending.size();  // numbers have no gaps: the new trial is number before + 1
        if (before < givenPoints.size()) {
            return givenPoints.get(before);
        }
        return space.toMap(withPending(finished, pending).ask());  // one fit (with the lies) and one acquisition
    }

    /**
     * A batch of up to k points for the study's queue ({@link PgStudy.Proposer#proposeBatch}): one
     * optimizer, k asks, each with the points asked before it pending at the constant liar CL-min
     * (Ginsbourger et al. 2010, section 4.2; {@code Optimizer.ask(k, CL_MIN)}): one surrogate fit at
     * the worker's hyper-parameters, the lies conditioned on it, k acquisitions. While the study's
     * given points last, one point (they are never queued). A finite space that runs out ends the
     * batch early.
     */
    @Override
    public List<Map<String, Object>> proposeBatch(List<TrialRecord> finished, List<Map<String, Object>> pending,
                                                  int k) {
        if (k <= 1 || finished.size() + pending.size() < givenPoints.size()) {
            return List.of(propose(finished, pending));
        }
        Optimizer o = withPending(finished, pending);
        List<Map<String, Object>> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            try {
                out.add(space.toMap(o.ask()));  // ask() is ask(1, CL_MIN): the earlier points of the batch are pending
            } catch (SpaceExhaustedException e) {
                if (out.isEmpty()) {
                    throw e;
                }
                break;
            }
        }
        return out;
    }

    /** The optimizer of the finished trials with the pending points marked (given ones as given). */
    private Optimizer withPending(List<TrialRecord> finished, List<Map<String, Object>> pending) {
        Optimizer o = rebuild(finished);
        // pending is in number order: its first entries are given points still running, never asked
        long givenFinished = finished.stream().filter(t -> t.number() <= givenPoints.size()).count();
        long givenPending = givenPoints.size() - givenFinished;
        for (int i = 0; i < pending.size(); i++) {
            List<Object> x = space.fromMap(pending.get(i));
            if (i < givenPending) {
                o.addGivenPending(x);        // pending, but not part of the initial design
            } else {
                o.addPending(x);             // as if asked: the design advances, and the lie sits at the point itself
            }
        }
        return o;
    }

    /**
     * The proposer of the worker's background refill of the queue (a second thread): the same
     * space, configuration and given points, with a fit memo of its own; the same one at every call.
     */
    @Override
    public synchronized PgStudy.Proposer another() {
        if (twin == null) {
            twin = new SharedProposer(space, config, givenPoints);
        }
        return twin;
    }

    @Override
    public boolean stale(Map<String, Object> proposal, List<Map<String, Object>> arrived) {
        double[] x = space.toUnit(space.fromMap(proposal));
        for (Map<String, Object> a : arrived) {
            if (distance(x, space.toUnit(space.fromMap(a))) < NEAR) {
                return true;
            }
        }
        return false;
    }

    /** The optimizer of these finished trials ({@link Optimizer#forWorker}, with this worker's fit memo). */
    public Optimizer rebuild(List<TrialRecord> finished) {
        return OptimizerReplay.rebuild(Optimizer.forWorker(space, config, fits), givenPoints.size(), finished);
    }

    /** Root-mean-square difference per coordinate. */
    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum / a.length);
    }
}
