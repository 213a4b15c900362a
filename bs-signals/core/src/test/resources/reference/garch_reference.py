"""Reference GARCH(1,1) fits for GarchReferenceTest, independent of the Java optimizer.

Data: 2,000 returns simulated with numpy (seed 20261202) from GARCH(1,1) with Student-t(6) shocks.
Likelihood: Python arch's conventions (backcast 0.94^i over min(75, n) residuals,
h_1 = omega + (alpha + beta) * backcast, full log-likelihood with constants), written out here
because arch itself could not be installed offline. Optimizer: scipy SLSQP from several starts,
then Nelder-Mead polish; standard errors from the inverse numerical Hessian.
Run: python3 garch_reference.py  (writes garch-returns.csv and garch-reference.csv)
"""
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln

rng = np.random.default_rng(20261202)
n = 2000
omega, alpha, beta, nu = 3e-6, 0.09, 0.88, 6.0
h = omega / (1 - alpha - beta)
r = np.empty(n)
for t in range(-500, n):
    z = rng.standard_t(nu) * np.sqrt((nu - 2) / nu)
    e = np.sqrt(h) * z
    if t >= 0:
        r[t] = 2e-4 + e
    h = omega + alpha * e * e + beta * h
np.savetxt("garch-returns.csv", r, header="ret", comments="", fmt="%.17g")


def loglik(params, dist, mean):
    if mean:
        mu, w, a, b = params[:4]
        rest = params[4:]
    else:
        mu = 0.0
        w, a, b = params[:3]
        rest = params[3:]
    e = r - mu
    tau = min(75, n)
    wts = 0.94 ** np.arange(tau)
    bc = np.sum(wts * e[:tau] ** 2) / wts.sum()
    hs = np.empty(n)
    ht = w + (a + b) * bc
    for t in range(n):
        hs[t] = ht
        ht = w + a * e[t] ** 2 + b * ht
    if np.any(hs <= 0):
        return -1e300
    if dist == "normal":
        return -0.5 * np.sum(np.log(2 * np.pi) + np.log(hs) + e ** 2 / hs)
    v = rest[0]
    c = gammaln((v + 1) / 2) - gammaln(v / 2) - 0.5 * np.log(np.pi * (v - 2))
    return np.sum(c - 0.5 * np.log(hs) - (v + 1) / 2 * np.log1p(e ** 2 / (hs * (v - 2))))


def fit(dist, mean):
    var = r.var()
    best = None
    for p0 in [(0.05, 0.9), (0.1, 0.85), (0.08, 0.9), (0.15, 0.8)]:
        x0 = ([r.mean()] if mean else []) + [var * (1 - sum(p0)), p0[0], p0[1]] + (
            [8.0] if dist == "t" else [])
        scale = np.array(([1e-3] if mean else []) + [1e-6, 0.1, 0.1] + ([1.0] if dist == "t" else []))
        f = lambda x: -loglik(x * scale, dist, mean)
        k = 1 if mean else 0
        cons = [{"type": "ineq", "fun": lambda x: 0.99999 - (x[k + 1] * 0.1 + x[k + 2] * 0.1)}]
        bounds = ([(-1e3, 1e3)] if mean else []) + [(1e-6, 1e3), (0, 10), (0, 10)] + (
            [(2.05, 500)] if dist == "t" else [])
        res = minimize(f, np.array(x0) / scale, method="SLSQP", bounds=bounds, constraints=cons,
                       options={"ftol": 1e-14, "maxiter": 2000})
        res = minimize(f, res.x, method="Nelder-Mead",
                       options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000})
        if best is None or res.fun < best.fun:
            best = res
            best_scale = scale
    theta = best.x * best_scale
    k = len(theta)
    step = 1e-4 * np.maximum(np.abs(theta), 1e-6)
    H = np.zeros((k, k))
    f0 = loglik(theta, dist, mean)
    for i in range(k):
        for j in range(i, k):
            def at(di, dj):
                x = theta.copy(); x[i] += di; x[j] += dj
                return loglik(x, dist, mean)
            if i == j:
                v = (at(step[i], 0) - 2 * f0 + at(-step[i], 0)) / step[i] ** 2
            else:
                v = (at(step[i], step[j]) - at(step[i], -step[j]) - at(-step[i], step[j])
                     + at(-step[i], -step[j])) / (4 * step[i] * step[j])
            H[i, j] = H[j, i] = -v
    se = np.sqrt(np.diag(np.linalg.inv(H)))
    return theta, se, f0


rows = []
for dist, mean in [("normal", True), ("normal", False), ("t", True)]:
    theta, se, ll = fit(dist, mean)
    names = (["mu"] if mean else []) + ["omega", "alpha", "beta"] + (["nu"] if dist == "t" else [])
    d = dict(zip(names, theta)); s = dict(zip(names, se))
    rows.append([dist, "constant" if mean else "zero", ll,
                 d.get("mu", 0.0), s.get("mu", float("nan")), d["omega"], s["omega"], d["alpha"],
                 s["alpha"], d["beta"], s["beta"], d.get("nu", float("nan")),
                 s.get("nu", float("nan"))])
with open("garch-reference.csv", "w") as fh:
    fh.write("dist,mean,loglik,mu,se_mu,omega,se_omega,alpha,se_alpha,beta,se_beta,nu,se_nu\n")
    for row in rows:
        fh.write(",".join(str(x) if isinstance(x, str) else repr(float(x)) for x in row) + "\n")
print(open("garch-reference.csv").read())
