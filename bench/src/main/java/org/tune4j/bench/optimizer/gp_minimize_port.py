"""An independent re-implementation of scikit-optimize 0.9's gp_minimize loop on NumPy/SciPy.

What it is: a cross-check for OptimizerQualityBenchmark (BENCHMARKS.md, section Optimizer). It runs
the algorithm gp_minimize documents, with SciPy's own L-BFGS-B where scikit-learn and skopt call it,
so that a gap between tune4j and a quoted skopt figure can be told apart from a bug in tune4j:
  - 10 uniform random initial points, then 40 GP-chosen calls, on the unit cube;
  - GP: c * Matern52(l_1..l_d) + s^2 I (+ 1e-10 on the diagonal), targets normalized to zero mean
    and unit variance, log-hyper-parameters in [0.01, 1000] x [0.01, 100]^d x [1e-5, 1e5], fitted by
    maximizing the log marginal likelihood with scipy.optimize.minimize(L-BFGS-B) from theta = 0
    plus 2 uniform random starts in the log bounds (sklearn's n_restarts_optimizer=2);
    predictions of the latent function (the white noise left out of the std), as skopt's
    GaussianProcessRegressor(noise="gaussian");
  - acquisition EI (xi 0.01) or LCB (kappa 1.96) scored on 10,000 uniform candidates, the best 5
    refined by fmin_l_bfgs_b(maxiter=20) with the analytic gradient, the best refined point taken.
What it is not: scikit-optimize itself (neither skopt nor scikit-learn is installed on the build
machine) nor part of the build. Random streams differ from tune4j's, so compare medians over seeds.

Usage: python3 gp_minimize_port.py PROBLEM EI|LCB FIRST_SEED END_SEED
  PROBLEM: ackley (Ackley-4 on [-32.768, 32.768]^4), branin, hartmann6, and issue 16's domains
  ackley5 (Ackley-4 on [-5, 5]^4) and rosenbrock4 (Rosenbrock-4 on [-2, 2]^4). Prints per seed the
  best-so-far regret after 20, 30 and 50 calls and the number of GP-chosen points on the boundary.
"""
import numpy as np, sys
from scipy.optimize import minimize, fmin_l_bfgs_b
from scipy.linalg import cho_solve, solve_triangular
from scipy.stats import norm
S5 = np.sqrt(5)

def kmat(A, B, c, l):
    D = (A[:, None, :] - B[None, :, :]) / l
    r = np.sqrt((D**2).sum(-1))
    return c * (1 + S5*r + 5/3*r*r) * np.exp(-S5*r)

def nlml(theta, X, y):
    n, d = X.shape
    c = np.exp(theta[0]); l = np.exp(theta[1:d+1]); s2 = np.exp(theta[d+1])
    D = (X[:, None, :] - X[None, :, :]) / l
    r = np.sqrt((D**2).sum(-1)); e = np.exp(-S5*r)
    M = (1 + S5*r + 5/3*r*r) * e
    K = c*M + (s2 + 1e-10)*np.eye(n)
    try:
        L = np.linalg.cholesky(K)
    except np.linalg.LinAlgError:
        return np.inf, np.zeros_like(theta)
    alpha = cho_solve((L, True), y)
    v = -0.5*y@alpha - np.log(np.diag(L)).sum() - 0.5*n*np.log(2*np.pi)
    W = np.outer(alpha, alpha) - cho_solve((L, True), np.eye(n))
    g = np.empty_like(theta)
    g[0] = 0.5*np.sum(W*c*M)
    slope = c*5/3*(1+S5*r)*e
    for i in range(d):
        g[1+i] = 0.5*np.sum(W*slope*D[:, :, i]**2)
    g[d+1] = 0.5*np.trace(W)*s2
    return -v, -g

class GP:
    def fit(self, X, y, rng, restarts=2):
        d = X.shape[1]
        self.m, self.s = y.mean(), (y.std() if y.std() > 0 else 1.0)
        ys = (y - self.m)/self.s
        lo = np.log([0.01] + [0.01]*d + [1e-5]); hi = np.log([1000] + [100]*d + [1e5])
        best = None
        for k in range(restarts + 1):
            t0 = np.zeros(d+2) if k == 0 else rng.uniform(lo, hi)
            r = minimize(nlml, t0, args=(X, ys), jac=True, method="L-BFGS-B", bounds=list(zip(lo, hi)))
            if best is None or r.fun < best.fun: best = r
        th = best.x
        self.c, self.l, self.s2 = np.exp(th[0]), np.exp(th[1:d+1]), np.exp(th[d+1])
        self.X = X
        K = kmat(X, X, self.c, self.l) + (self.s2 + 1e-10)*np.eye(len(X))
        L = np.linalg.cholesky(K)
        self.alpha = cho_solve((L, True), ys)
        Li = solve_triangular(L.T, np.eye(len(X)))
        self.Kinv = Li @ Li.T
        self.theta = th
        return self
    def predict(self, Xs):
        Kt = kmat(Xs, self.X, self.c, self.l)
        mu = Kt @ self.alpha
        var = self.c - np.einsum("ki,kj,ij->k", Kt, Kt, self.Kinv)
        var[var < 0] = 0
        return self.s*mu + self.m, self.s*np.sqrt(var)
    def predict_grad(self, x):
        D = (x[None, :] - self.X) / self.l      # n d
        r = np.sqrt((D**2).sum(-1))
        e = np.exp(-S5*r)
        k = self.c*(1 + S5*r + 5/3*r*r)*e
        slope = self.c*5/3*(1 + S5*r)*e
        dk = -slope[:, None] * D / self.l        # d k / d x, n d
        mu = k @ self.alpha
        beta = self.Kinv @ k
        var = max(self.c - k @ beta, 0.0)
        std = np.sqrt(var)
        dmu = dk.T @ self.alpha
        dstd = -(dk.T @ beta)/std if std > 1e-12 else np.zeros_like(x)
        return self.s*mu + self.m, self.s*std, self.s*dmu, self.s*dstd

def acq(mu, std, best, kind, xi=0.01, kappa=1.96):
    """Acquisition values to minimize (skopt's sign convention): -EI or mean - kappa std."""
    if kind == "LCB":
        return mu - kappa*std
    imp = best - xi - mu
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(std > 0, imp/np.where(std > 0, std, 1), 0)
    v = np.where(std > 0, imp*norm.cdf(z) + std*norm.pdf(z), 0)
    return -v

def acq_grad(x, gp, best, kind, xi=0.01, kappa=1.96):
    mu, std, dmu, dstd = gp.predict_grad(x)
    if kind == "LCB":
        return mu - kappa*std, dmu - kappa*dstd
    if std <= 0:
        return 0.0, np.zeros_like(x)
    imp = best - xi - mu; z = imp/std
    v = imp*norm.cdf(z) + std*norm.pdf(z)
    g = -dmu*norm.cdf(z) + dstd*norm.pdf(z)
    return -v, -g

def ackley(x):
    d = len(x)
    return -20*np.exp(-0.2*np.sqrt(np.sum(x**2)/d)) - np.exp(np.sum(np.cos(2*np.pi*x))/d) + 20 + np.e
def branin(x):
    x1, x2 = x
    return (x2 - 5.1/(4*np.pi**2)*x1**2 + 5/np.pi*x1 - 6)**2 + 10*(1 - 1/(8*np.pi))*np.cos(x1) + 10
HA = np.array([1.0, 1.2, 3.0, 3.2])
HAm = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
HP = np.array([[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
      [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]])
def hart6(x):
    return -np.sum(HA*np.exp(-np.sum(HAm*(x - HP)**2, axis=1)))
def rosenbrock(x):
    return float(np.sum(100*(x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2))
PROBLEMS = {"hartmann6": (hart6, np.array([[0.0, 1.0]]*6), -3.32237),"ackley": (ackley, np.array([[-32.768, 32.768]]*4), 0.0),
            "branin": (branin, np.array([[-5, 10], [0, 15]]), 0.39788735772973816),
            "ackley5": (ackley, np.array([[-5.0, 5.0]]*4), 0.0),
            "rosenbrock4": (rosenbrock, np.array([[-2.0, 2.0]]*4), 0.0)}

def run(problem, kind, seed, calls=50, verbose=False):
    f, bounds, fmin = PROBLEMS[problem]
    d = len(bounds)
    rng = np.random.default_rng(seed)
    U = []; Y = []
    for i in range(calls):
        if i < 10:
            u = rng.uniform(size=d)
        else:
            gp = GP().fit(np.array(U), np.array(Y), rng)
            cand = rng.uniform(size=(10000, d))
            mu, std = gp.predict(cand)
            vals = acq(mu, std, min(Y), kind)
            x0 = cand[np.argsort(vals)[:5]]
            res = [fmin_l_bfgs_b(acq_grad, x, args=(gp, min(Y), kind), bounds=[(0, 1)]*d, maxiter=20) for x in x0]
            u = np.clip(min(res, key=lambda r: r[1])[0], 0, 1)
            if verbose and i % 5 == 4:
                print(i+1, min(Y), np.round(np.exp(gp.theta), 3), np.round(u, 3))
        x = bounds[:, 0] + u*(bounds[:, 1] - bounds[:, 0])
        U.append(u); Y.append(f(x))
    best = np.minimum.accumulate(Y) - fmin
    boundary = sum(1 for u in U[10:] if np.any((u <= 1e-9) | (u >= 1 - 1e-9)))
    return best[19], best[29], best[49], boundary

if __name__ == "__main__":
    problem, kind, s0, s1 = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    for s in range(s0, s1):
        r = run(problem, kind, s)
        print(problem, kind, s, " ".join(f"{v:.4g}" for v in r), flush=True)
