package org.tune4j.optimizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer.Proposal;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer;
import org.tune4j.optimizer.acquisition.AcquisitionPolicy;
import org.tune4j.optimizer.acquisition.FantasyAcquisition;
import org.tune4j.optimizer.acquisition.LocalPenalty;
import org.tune4j.optimizer.acquisition.PosteriorMean;
import org.tune4j.optimizer.numeric.RandomStreams;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.DifferentiableSurrogate;
import org.tune4j.optimizer.surrogate.FantasyPosterior;
import org.tune4j.optimizer.surrogate.GaussianProcess;
import org.tune4j.optimizer.surrogate.Prediction;
import org.tune4j.optimizer.surrogate.Surrogate;

/**
 * The ask/tell core of Bayesian optimization (after scikit-optimize's {@code Optimizer}).
 *
 * <p>Life cycle: construct with a space and a config (whose surrogate, acquisition function and
 * initial design are objects: a user's own are passed the same way); then alternate {@link #ask()} (a point to
 * evaluate) and {@link #tell} / {@link #tellFailed} (its outcome), in any interleaving:
 * <ul>
 * <li>The first {@code initialPoints} asks come from the initial design. Points told without
 *     having been asked (a warm start such as the tutorial's x0) do not count toward it.</li>
 * <li>After that, once at least two finite values are known, the surrogate is refitted from
 *     scratch at every ask (past 200 observations, at every 20th, and conditioned on the
 *     observations since in between: {@link RefitSchedule}) and the acquisition policy proposes
 *     an unevaluated point.</li>
 * <li>Points asked and not yet told are pending: further asks treat them as observed at the
 *     lowest value seen so far (the constant liar "min" of Ginsbourger et al. 2010), and
 *     {@link #ask(int, BatchStrategy)} at the lie of another {@link BatchStrategy}, so a batch
 *     gives distinct points for parallel workers.</li>
 * <li>An evaluated, failed or pending point is never proposed again; when a finite space has no
 *     point left, {@code ask} throws {@link SpaceExhaustedException}.</li>
 * </ul>
 *
 * <p>Reproducibility: the randomness of the n-th ask (n = told + pending trials) is the stream
 * {@code (seed, n)}, and surrogates are fitted without warm starts, so an optimizer rebuilt by
 * telling the same trials in the same order proposes exactly what the original one would have.
 * Use {@link #replay} for trials an earlier session had asked (so they count toward the initial
 * design) and {@link #tell} for given points. A policy that learns from its own rounds (GP-hedge's
 * gains; see {@link AcquisitionPolicy#remembersRounds}) is brought up to date lazily: the next
 * ask first re-runs the replayed rounds through it (one fit and one proposal each), which
 * reproduces the state of a session that asked one point at a time.
 *
 * <p>Not thread-safe: one optimizer is driven by one thread (parallel workers go through ask(n)).
 */
public final class Optimizer {
    /** The strategy of {@link #ask(int)}, chosen by the batch regret measurements in BENCHMARKS.md. */
    public static final BatchStrategy DEFAULT_BATCH = BatchStrategy.CL_MIN;

    private final Space space;
    private final OptimizerConfig config;
    private final ProposalStrategy strategy;
    private final List<Trial> trials = new ArrayList<>();
    private final List<double[]> completeUnits = new ArrayList<>();   // unit encodings of complete trials
    private final List<Double> completeValues = new ArrayList<>();
    private final Set<List<Object>> evaluated = new HashSet<>();
    private final Set<List<Object>> pending = new LinkedHashSet<>();
    private List<double[]> design;  // unit-cube initial design, built on first use
    private int designAsked;        // asks answered from the initial design (incl. replayed ones)
    private Surrogate fitted;       // surrogate fitted on the complete trials only
    private int fittedOn = -1;      // number of trials when `fitted` was fitted
    private int fittedBase = -1;    // complete trials whose fit `fitted` conditions on the rest of (RefitSchedule)
    private int fittedCount;        // complete trials `fitted` knows
    private int unconditionedBase = -1; // a scheduled fit whose surrogate could not be conditioned: refit instead
    private final RefitSchedule schedule;
    private final FitMemo memo;     // fits shared with earlier optimizers of the same trials, or null
    private final boolean conditionLies; // lies conditioned on the complete trials' fit at any size (forWorker)
    private final List<Integer> replayedRounds = new ArrayList<>(); // trial numbers whose rounds to redo

    public Optimizer(Space space, OptimizerConfig config) {
        this(space, config, RefitSchedule.DEFAULT);
    }

    /** An optimizer whose surrogate is refitted on another {@link RefitSchedule} than the default. */
    public Optimizer(Space space, OptimizerConfig config, RefitSchedule schedule) {
        this(space, config, schedule, null);
    }

    /**
     * An optimizer whose scheduled fits are looked up in, and recorded into, {@code memo} (or none
     * when null): for a process that rebuilds an optimizer from the same trials again and again.
     * It proposes exactly what one without the memo would.
     */
    public Optimizer(Space space, OptimizerConfig config, RefitSchedule schedule, FitMemo memo) {
        this(space, config, schedule, memo, false);
    }

    private Optimizer(Space space, OptimizerConfig config, RefitSchedule schedule, FitMemo memo,
                      boolean conditionLies) {
        this.space = space;
        this.config = config;
        this.strategy = new ProposalStrategy(space, config);
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.memo = memo;
        this.conditionLies = conditionLies;
    }

    /**
     * The optimizer of one worker of a shared study, rebuilt at every ask: its fits (scheduled or
     * not) go through {@code memo}, and the lies at pending points are always conditioned on the
     * fit of the complete trials at its hyper-parameters (as past the schedule's refit size) instead
     * of refitted with them, so {@code surrogate()} called before the pending points are known
     * (outside a lock) leaves only the conditioning and the acquisition for the ask. Its asks with
     * pending points differ from a plain optimizer's up to 200 observations: the hyper-parameters
     * are those of the observations, not of the observations and the lies.
     */
    public static Optimizer forWorker(Space space, OptimizerConfig config, FitMemo memo) {
        return new Optimizer(space, config, RefitSchedule.DEFAULT, Objects.requireNonNull(memo, "memo"), true);
    }

    /**
     * A new point to evaluate (marked pending until told); other pending points are treated as
     * observed at the lowest value seen so far ({@link BatchStrategy#CL_MIN}).
     */
    public List<Object> ask() {
        return ask(BatchStrategy.CL_MIN);
    }

    private List<Object> ask(BatchStrategy lies) {
        if (isExhausted()) {
            throw new SpaceExhaustedException(space.cardinality());
        }
        int index = trials.size() + pending.size();
        RandomGenerator rng = RandomStreams.of(config.seed(), "ask", index);
        List<Object> point;
        if (designAsked < config.initialPoints()) {
            point = nextDesignPoint(rng);
            designAsked++;
        } else if (!strategy.buildsModel() || completeValues.size() < 2) {
            point = strategy.randomUnused(excluded(), rng);
        } else {
            point = proposeWithSurrogate(index, rng, lies);
        }
        pending.add(point);
        return point;
    }

    /**
     * Marks x pending as if this optimizer had asked for it, without asking: a point another
     * process is evaluating (a shared study's running trial). It counts toward the initial design
     * as an ask does, and further asks treat it as observed at the lie; no surrogate is fitted.
     * While the initial design lasts, marking the points a fresh optimizer would have asked gives the
     * next ask exactly the point it would have given after those asks; later, the lie sits at x itself.
     */
    public void addPending(List<Object> x) {
        addPending(x, true);
    }

    /**
     * As {@link #addPending}, for a point that was given rather than asked (a warm start such as the
     * tutorial's x0, still running in another process): pending, but not counted toward the initial
     * design, as {@link #tell} of a point never asked does not count.
     */
    public void addGivenPending(List<Object> x) {
        addPending(x, false);
    }

    private void addPending(List<Object> x, boolean asked) {
        List<Object> point = space.validate(x);
        if (evaluated.contains(point) || !pending.add(point)) {
            return;  // already known: nothing changes
        }
        if (asked && designAsked < config.initialPoints()) {
            designAsked++;
        }
    }

    /** {@code n} distinct points for parallel evaluation, with the {@link #DEFAULT_BATCH} strategy between them. */
    public List<List<Object>> ask(int n) {
        return ask(n, DEFAULT_BATCH);
    }

    /**
     * {@code n} distinct points for parallel evaluation: asked one after the other, each with the
     * points asked before it (in this call or earlier) pending at the strategy's lie. Points still
     * due from the initial design come first. With n = 1 and {@link BatchStrategy#CL_MIN} this is
     * {@link #ask()}.
     */
    public List<List<Object>> ask(int n, BatchStrategy strategy) {
        if (n < 1) {
            throw new IllegalArgumentException("ask(n): expected n >= 1, found " + n);
        }
        Objects.requireNonNull(strategy, "ask(n): strategy");
        List<List<Object>> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(ask(strategy));
        }
        return points;
    }

    /**
     * Records a finite objective value at x (asked or not).
     *
     * @throws IllegalArgumentException when y is NaN or infinite (use {@link #tellFailed}) or x is invalid
     */
    public void tell(List<Object> x, double y) {
        record(x, y, TrialState.COMPLETE);
    }

    /** Records that evaluating x failed: kept in the history, never re-proposed, not used to fit. */
    public void tellFailed(List<Object> x) {
        record(x, Double.NaN, TrialState.FAILED);
    }

    /**
     * Records a trial that an earlier session of the same study had asked for, when rebuilding an
     * optimizer from a journal: like {@link #tell}, but it counts toward the initial design.
     */
    public void replay(List<Object> x, double y) {
        countReplayedAsk();
        tell(x, y);
    }

    /** The failed-trial counterpart of {@link #replay}. */
    public void replayFailed(List<Object> x) {
        countReplayedAsk();
        tellFailed(x);
    }

    private void countReplayedAsk() {
        if (designAsked < config.initialPoints()) {
            designAsked++;
        } else if (strategy.remembersRounds() && strategy.buildsModel() && completeValues.size() >= 2) {
            replayedRounds.add(trials.size()); // this trial's ask was a round of the policy: redo it later
        }
    }

    /**
     * Re-runs the rounds of replayed trials through the policy, in order, so that its state is the
     * one the original session had: round k refits on trials 0..k-1 and repeats ask k's random
     * draws. (Assumes the original session asked sequentially; pending lies are not recorded.)
     */
    private void catchUpPolicy() {
        for (int k : replayedRounds) {
            List<double[]> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            Set<List<Object>> used = new HashSet<>();
            for (Trial t : trials.subList(0, k)) {
                used.add(t.x());
                if (t.isComplete()) {
                    xs.add(space.toUnit(t.x()));
                    ys.add(t.value());
                }
            }
            Surrogate model = strategy.fit(xs, ys, RandomStreams.of(config.seed(), "fit", k));
            strategy.propose(model, Collections.min(ys), used, RandomStreams.of(config.seed(), "ask", k));
        }
        replayedRounds.clear();
    }

    private void record(List<Object> x, double y, TrialState state) {
        List<Object> point = space.validate(x);
        if (state == TrialState.COMPLETE && !Double.isFinite(y)) {
            throw new IllegalArgumentException("tell: the objective value must be finite, found " + y + " at "
                    + space.toMap(point) + "; use tellFailed for a failed evaluation");
        }
        pending.remove(point);
        evaluated.add(point);
        trials.add(new Trial(trials.size(), point, y, state));
        if (state == TrialState.COMPLETE) {
            completeUnits.add(space.toUnit(point));
            completeValues.add(y);
        }
    }

    private List<Object> nextDesignPoint(RandomGenerator rng) {
        if (design == null) {
            design = config.initialDesign().generate(config.initialPoints(), space.unitWidth(),
                    RandomStreams.of(config.seed(), "initial-design", 0));
        }
        List<Object> point = space.fromUnit(design.get(designAsked));
        return excluded().contains(point) ? strategy.randomUnused(excluded(), rng) : point;
    }

    private List<Object> proposeWithSurrogate(int index, RandomGenerator rng, BatchStrategy lies) {
        catchUpPolicy();
        Surrogate model;
        double best = Collections.min(completeValues);
        int candidates = candidates();
        if (lies == BatchStrategy.LOCAL_PENALIZATION && !pending.isEmpty()
                && fittedSurrogate() instanceof DifferentiableSurrogate gp) {
            Optional<Proposal> proposal = strategy.propose(gp, best, excluded(), rng, candidates,
                    localPenalty(gp, best, index, candidates));
            return proposal.map(Proposal::point).orElseGet(() -> strategy.randomUnused(excluded(), rng));
        }
        if (lies == BatchStrategy.FANTASIES && !pending.isEmpty() && fittedSurrogate() instanceof GaussianProcess gp) {
            Optional<FantasyPosterior> fantasies = fantasies(gp, index);
            if (fantasies.isPresent()) {
                Optional<Proposal> proposal = strategy.propose(gp, best, excluded(), rng, candidates,
                        new FantasyAcquisition(fantasies.get()));
                return proposal.map(Proposal::point).orElseGet(() -> strategy.randomUnused(excluded(), rng));
            }
        }
        if (pending.isEmpty()) {
            model = fittedSurrogate();
        } else { // pending points observed at the strategy's lies
            List<double[]> xs = new ArrayList<>(completeUnits);
            List<Double> ys = new ArrayList<>(completeValues);
            for (List<Object> p : pending) {
                double[] unit = space.toUnit(p);
                xs.add(unit);
                ys.add(lies.lie(completeValues, () -> fittedSurrogate().predict(unit)));
            }
            model = withLies(xs, ys, index);
        }
        Optional<Proposal> proposal = strategy.propose(model, best, excluded(), rng, candidates);
        return proposal.map(Proposal::point).orElseGet(() -> strategy.randomUnused(excluded(), rng));
    }

    /** The GP of the observations given {@link BatchStrategy#FANTASY_SAMPLES} draws of the pending outcomes. */
    private Optional<FantasyPosterior> fantasies(GaussianProcess gp, int index) {
        double[][] units = pending.stream().map(space::toUnit).toArray(double[][]::new);
        return FantasyPosterior.of(gp, units, BatchStrategy.FANTASY_SAMPLES,
                RandomStreams.of(config.seed(), "fantasies", index));
    }

    /** The local penalizers of the pending points, L estimated over random points and the observations. */
    private LocalPenalty localPenalty(DifferentiableSurrogate gp, double best, int index, int candidates) {
        RandomGenerator rng = RandomStreams.of(config.seed(), "lipschitz", index);
        List<double[]> probes = new ArrayList<>(completeUnits);
        for (int i = 0; i < Math.min(1_000, candidates); i++) {
            probes.add(space.toUnit(space.sample(rng)));
        }
        List<double[]> centers = new ArrayList<>();
        for (List<Object> p : pending) {
            centers.add(space.toUnit(p));
        }
        return LocalPenalty.of(centers, gp.predict(centers.toArray(new double[0][])), best,
                LocalPenalty.lipschitz(gp, probes));
    }

    /**
     * The surrogate fitted on observations and lies (xs, ys: the complete trials first): a refit,
     * or past the schedule's refit-every size the fitted surrogate conditioned on the lies.
     */
    private Surrogate withLies(List<double[]> xs, List<Double> ys, int index) {
        int n = completeValues.size();
        if (n > schedule.everyUpTo() || conditionLies) {
            Optional<Surrogate> conditioned = fittedSurrogate().conditionedOn(
                    xs.subList(n, xs.size()).toArray(new double[0][]), values(ys.subList(n, ys.size())));
            if (conditioned.isPresent()) {
                return conditioned.get();
            }
        }
        return strategy.fit(xs, ys, RandomStreams.of(config.seed(), "fit-with-lies", index));
    }

    /**
     * The surrogate of the complete trials, brought up to date when trials were added since:
     * refitted, or past the {@link RefitSchedule}'s refit-every size, the fit on the first
     * {@code schedule.fittedOn(n)} complete trials conditioned on the later ones.
     */
    private Surrogate fittedSurrogate() {
        if (fittedOn == trials.size()) {
            return fitted;
        }
        int n = completeValues.size();
        int base = schedule.fittedOn(n);
        if (base < n && base != unconditionedBase) {
            if (fittedBase != base || fittedCount > n) {
                fitted = scheduledFit(base);
                fittedBase = base;
                fittedCount = base;
            }
            if (fittedCount == n) { // only failed trials since: nothing to condition on
                fittedOn = trials.size();
                return fitted;
            }
            Optional<Surrogate> conditioned = fitted.conditionedOn(
                    completeUnits.subList(fittedCount, n).toArray(new double[0][]),
                    values(completeValues.subList(fittedCount, n)));
            if (conditioned.isPresent()) {
                fitted = conditioned.get();
                fittedCount = n;
                fittedOn = trials.size();
                return fitted;
            }
            unconditionedBase = base;
        }
        fitted = memoized("fit", trials.size(), completeUnits, completeValues);
        fittedOn = trials.size();
        fittedBase = -1;
        fittedCount = n;
        return fitted;
    }

    /** The fit on the first {@code base} complete trials, from the memo when it holds it. */
    private Surrogate scheduledFit(int base) {
        return memoized("scheduled-fit", base, completeUnits.subList(0, base), completeValues.subList(0, base));
    }

    /** A fit on (xs, ys) with the random stream (seed, stream, index), from the memo when it holds it. */
    private Surrogate memoized(String stream, int index, List<double[]> xs, List<Double> ys) {
        Optional<Surrogate> known = memo == null ? Optional.empty() : memo.get(config, stream, index, xs, ys);
        if (known.isPresent()) {
            return known.get();
        }
        Surrogate s = strategy.fit(xs, ys, RandomStreams.of(config.seed(), stream, index));
        if (memo != null) {
            memo.put(config, stream, index, xs, ys, s);
        }
        return s;
    }

    /**
     * Random candidates to score: the configured number, or past the schedule's refit-every size,
     * when the surrogate is being conditioned between refits, the schedule's smaller number.
     */
    private int candidates() {
        int n = completeValues.size();
        if (n <= schedule.everyUpTo()) {
            return config.candidates();
        }
        fittedSurrogate(); // brings fittedBase up to date
        return fittedBase >= 0 ? schedule.candidates(config.candidates(), n) : config.candidates();
    }

    private static double[] values(List<Double> ys) {
        double[] out = new double[ys.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ys.get(i);
        }
        return out;
    }

    private Set<List<Object>> excluded() {
        if (pending.isEmpty()) {
            return evaluated;
        }
        Set<List<Object>> all = new HashSet<>(evaluated);
        all.addAll(pending);
        return all;
    }

    /** True when a finite space has no point left that is neither evaluated nor pending. */
    public boolean isExhausted() {
        return space.isFinite() && excluded().size() >= space.cardinality();
    }

    /**
     * The surrogate fitted on all complete trials (fitted now if trials were told since the last
     * fit); empty for random search or before two complete trials.
     */
    public Optional<Surrogate> surrogate() {
        if (!strategy.buildsModel() || completeValues.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(fittedSurrogate());
    }

    /**
     * The point the surrogate believes best, found by minimizing its mean over random candidates
     * with gradient refinement and over the evaluated points; empty when there is no surrogate.
     */
    public Optional<ExpectedMinimum> expectedMinimum() {
        Optional<Surrogate> model = surrogate();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        Surrogate s = model.get();
        RandomGenerator rng = RandomStreams.of(config.seed(), "expected-minimum", trials.size());
        AcquisitionOptimizer minimizer = new AcquisitionOptimizer(candidates(), config.refineFrom());
        Proposal p = minimizer.maximize(space, s, new PosteriorMean(), 0.0, Set.of(), rng).orElseThrow();
        List<Object> bestPoint = p.point();
        double bestMean = -p.utility();
        for (Trial t : trials) {
            double mean = s.predict(space.toUnit(t.x())).mean();
            if (t.isComplete() && mean < bestMean) {
                bestPoint = t.x();
                bestMean = mean;
            }
        }
        return Optional.of(new ExpectedMinimum(space.toMap(bestPoint), bestMean));
    }

    /** A snapshot of the trials so far. */
    public OptimizeResult result() {
        return new OptimizeResult(space, config, trials, Optional.empty());
    }

    /** This optimizer's acquisition policy, with whatever state it keeps (for tests and reports). */
    public AcquisitionPolicy acquisitionPolicy() {
        return strategy.policy();
    }

    /** Points asked and not yet told, in ask order. */
    public List<List<Object>> pending() {
        return List.copyOf(pending);
    }

    public Space space() {
        return space;
    }

    public OptimizerConfig config() {
        return config;
    }

    /** Predicted mean and std of the current surrogate at a point (for reports); empty without one. */
    public Optional<Prediction> predict(List<Object> point) {
        return surrogate().map(s -> s.predict(space.toUnit(point)));
    }
}
