"""Reference fits from Python's arch package itself (arch 8.0.0) for GarchReferenceTest.

Same data as garch_reference.py (garch-returns.csv). arch's optimizer stalls at its starting
values on raw daily returns, so the returns are scaled by 100 (arch's own advice), fitted, and
the results mapped back: log-likelihood + n ln(100), omega / 1e4, mu / 100. Standard errors are
arch's defaults (robust, sandwich). Columns: model,dist,mean,loglik, then value and standard error
of mu, omega, alpha, gamma, beta, nu (nan when not in the model).
Run: python3 garch_reference_arch.py  (writes garch-reference-arch.csv)
"""
import math
import warnings

import arch
import numpy as np
from arch import arch_model

warnings.filterwarnings("ignore")
r = np.loadtxt("garch-returns.csv", skiprows=1)
n = len(r)
rows = ["model,dist,mean,loglik,mu,se_mu,omega,se_omega,alpha,se_alpha,gamma,se_gamma,beta,se_beta,nu,se_nu"]
for model, o in [("garch", 0), ("gjr", 1)]:
    for dist, mean in [("normal", "Constant"), ("normal", "Zero"), ("t", "Constant"), ("t", "Zero")]:
        m = arch_model(100 * r, mean=mean, vol="GARCH", p=1, o=o, q=1, dist=dist, rescale=False)
        res = m.fit(disp="off", options={"maxiter": 5000, "ftol": 1e-14})
        p, se = res.params, res.std_err
        get = lambda k, s: (p[k] * s, se[k] * s) if k in p.index else (math.nan, math.nan)
        vals = [get("mu", 0.01), get("omega", 1e-4), get("alpha[1]", 1), get("gamma[1]", 1),
                get("beta[1]", 1), get("nu", 1)]
        ll = res.loglikelihood + n * math.log(100)
        rows.append(",".join([model, dist, mean.lower(), repr(ll)] +
                             [repr(float(x)) for v in vals for x in v]))
with open("garch-reference-arch.csv", "w") as f:
    f.write("\n".join(rows) + "\n")
print("arch", arch.__version__)
print("\n".join(rows))
