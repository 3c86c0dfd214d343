package org.tune4j.optimizer.numeric;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimizes a smooth function inside a box with a projected limited-memory BFGS method: a small
 * stand-in for L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995) that scikit-optimize and scikit-learn
 * call through SciPy.
 *
 * <p>Each iteration: variables sitting on a bound with the gradient pushing outwards are frozen;
 * the L-BFGS two-loop recursion (Nocedal & Wright 2006, Alg. 7.4) gives a direction on the free
 * variables; a backtracking (Armijo) line search runs along the projected path
 * {@code P(x + t d)}. When the direction is not a descent direction the memory is dropped and the
 * projected steepest descent is used. This is not the full generalized-Cauchy-point algorithm of
 * L-BFGS-B, but for the few dozen box-constrained variables of a kernel fit or an acquisition
 * refinement it converges to the same points.
 *
 * <p>Chosen over Commons Math's {@code NonLinearConjugateGradientOptimizer} because that one
 * has no bounds, and a change of variables (e.g. a sigmoid) distorts the gradient at the bounds,
 * where kernel length scales often end up.
 */
public final class BoundedLbfgs {

    /** A function and its gradient. */
    @FunctionalInterface
    public interface Objective {
        /** Returns f(x) and writes ∇f(x) into {@code gradient} (same length as x). */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** The minimizer found, its value and the work spent. */
    public record Result(double[] x, double value, int iterations, int evaluations) {
    }

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;

    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double relativeTolerance;

    /**
     * @param memory            number of stored correction pairs (10 is typical)
     * @param maxIterations     iteration cap
     * @param gradientTolerance stop when the largest projected-gradient component is below this
     * @param relativeTolerance stop when an iteration reduces f by less than this, relatively
     */
    public BoundedLbfgs(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {
        if (memory < 1 || maxIterations < 1 || !(gradientTolerance >= 0) || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("BoundedLbfgs: expected memory >= 1, maxIterations >= 1 and "
                    + "non-negative tolerances, found " + memory + ", " + maxIterations + ", "
                    + gradientTolerance + ", " + relativeTolerance);
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    /** Minimizes {@code f} over the box [lower, upper] starting from the projection of {@code start}. */
    public Result minimize(Objective f, double[] start, double[] lower, double[] upper) {
        return start(f, start, lower, upper).run(maxIterations).result();
    }

    /**
     * Starts a minimization without iterating: one evaluation at the projected start. The returned
     * {@link Search} runs on demand and keeps its curvature memory between runs, so a caller can give
     * several starts a few iterations each and continue only the best (successive halving).
     */
    public Search start(Objective f, double[] start, double[] lower, double[] upper) {
        return new Search(f, start, lower, upper);
    }

    /** One minimization in progress; not thread-safe. */
    public final class Search {
        private final Objective f;
        private final double[] lower;
        private final double[] upper;
        private final Deque<double[][]> pairs = new ArrayDeque<>(); // {s, y, {1 / (yᵀs)}}, newest first
        private double[] x;
        private double[] g;
        private double fx;
        private int iterations;
        private int evaluations;
        private boolean converged;

        private Search(Objective f, double[] start, double[] lower, double[] upper) {
            this.f = f;
            this.lower = lower;
            this.upper = upper;
            x = project(start.clone(), lower, upper);
            g = new double[x.length];
            fx = f.valueAndGradient(x, g);
            evaluations = 1;
            if (!Double.isFinite(fx)) {
                throw new ArithmeticException("BoundedLbfgs: objective is " + fx + " at the start point");
            }
        }

        /** Runs up to {@code more} further iterations (never past the minimizer's cap); returns this. */
        public Search run(int more) {
            int stop = Math.min(maxIterations, iterations + Math.max(more, 0));
            while (!converged && iterations < stop) {
                iterate();
            }
            return this;
        }

        /** The current point, its value and the work spent so far. */
        public Result result() {
            return new Result(x.clone(), fx, iterations, evaluations);
        }

        /** Current objective value. */
        public double value() {
            return fx;
        }

        private void iterate() {
            double[] pg = projectedGradient(x, g, lower, upper);
            if (maxAbs(pg) <= gradientTolerance) {
                converged = true;
                return;
            }
            iterations++;
            double[] dir = direction(pg, pairs);
            if (dot(dir, pg) >= 0) {
                pairs.clear();
                dir = negate(pg);
            }
            double t0 = pairs.isEmpty() ? Math.min(1.0, 1.0 / maxAbs(dir)) : 1.0;
            Step step = lineSearch(f, x, fx, g, dir, t0, lower, upper);
            evaluations += step.evaluations();
            if (step.x() == null) { // no decrease along this direction
                converged = pairs.isEmpty();
                pairs.clear();
                return;
            }
            remember(pairs, subtract(step.x(), x), subtract(step.gradient(), g));
            double reduction = fx - step.value();
            x = step.x();
            g = step.gradient();
            fx = step.value();
            converged = reduction <= relativeTolerance * Math.max(Math.abs(fx), 1.0);
        }
    }

    /** An accepted point (x == null when none was found) and the evaluations spent looking. */
    private record Step(double[] x, double[] gradient, double value, int evaluations) {
    }

    /** Backtracking along the projected path P(x + t d), halving t until the Armijo condition holds. */
    private static Step lineSearch(Objective f, double[] x, double fx, double[] g, double[] dir, double t0,
            double[] lower, double[] upper) {
        double t = t0;
        for (int b = 0; b < MAX_BACKTRACKS; b++, t *= 0.5) {
            double[] xt = project(axpy(x, t, dir), lower, upper);
            double[] gt = new double[x.length];
            double ft = f.valueAndGradient(xt, gt);
            if (Double.isFinite(ft) && ft <= fx + ARMIJO * dot(g, subtract(xt, x))) {
                return new Step(xt, gt, ft, b + 1);
            }
        }
        return new Step(null, null, fx, MAX_BACKTRACKS);
    }

    private void remember(Deque<double[][]> pairs, double[] s, double[] y) {
        double ys = dot(y, s);
        if (ys > 1e-12 * Math.sqrt(dot(y, y) * dot(s, s))) {
            pairs.addFirst(new double[][] {s, y, {1.0 / ys}});
            if (pairs.size() > memory) {
                pairs.removeLast();
            }
        }
    }

    /** Two-loop recursion: returns -H pg, with frozen components (pg = 0) kept at 0. */
    private static double[] direction(double[] pg, Deque<double[][]> pairs) {
        double[] q = pg.clone();
        int m = pairs.size();
        double[] alpha = new double[m];
        int k = 0;
        for (double[][] p : pairs) { // newest first
            alpha[k] = p[2][0] * dotMasked(p[0], q, pg);
            axpyMaskedInPlace(q, -alpha[k], p[1], pg);
            k++;
        }
        if (m > 0) {
            double[][] newest = pairs.peekFirst();
            double gamma = dot(newest[0], newest[1]) / dot(newest[1], newest[1]);
            scaleInPlace(q, gamma);
        }
        var it = pairs.descendingIterator(); // oldest first
        k = m - 1;
        while (it.hasNext()) {
            double[][] p = it.next();
            double beta = p[2][0] * dotMasked(p[1], q, pg);
            axpyMaskedInPlace(q, alpha[k] - beta, p[0], pg);
            k--;
        }
        return negate(q);
    }

    static double[] projectedGradient(double[] x, double[] g, double[] lower, double[] upper) {
        double[] pg = g.clone();
        for (int i = 0; i < x.length; i++) {
            if ((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0)) {
                pg[i] = 0;
            }
        }
        return pg;
    }

    private static double[] project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double dotMasked(double[] a, double[] b, double[] mask) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask[i] != 0) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    private static void axpyMaskedInPlace(double[] q, double a, double[] v, double[] mask) {
        for (int i = 0; i < q.length; i++) {
            if (mask[i] != 0) {
                q[i] += a * v[i];
            }
        }
    }

    private static void scaleInPlace(double[] v, double a) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= a;
        }
    }

    private static double[] axpy(double[] x, double t, double[] d) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + t * d[i];
        }
        return out;
    }

    private static double[] subtract(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
