// Black-Scholes-Merton / Black-76 batch kernels for bs-pricing-cuda (double precision).
//
// The host (CudaPricingBackend) validates rows and sends only the arithmetic: rows that are valid
// and smooth (positive finite spot, strike, expiry, volatility) for price and greeks, and for
// implied volatility the compacted Newton problems on the out-of-the-money undiscounted price.
// The normal CDF is W. J. Cody's algorithm with the scalar reference's coefficients; compile with
// -fmad=false so no contraction changes the rounding (see build-ptx.sh).

#define INV_SQRT_2PI 0.398942280401432677939946059934
#include <math_constants.h>

#define SQRT_32 5.656854249492380195206754896838

__device__ __forceinline__ double exp_half_square(double y) {
  double ysq = trunc(y * 16.0) / 16.0;
  double del = (y - ysq) * (y + ysq);
  return exp(-0.5 * ysq * ysq) * exp(-0.5 * del);
}

__device__ double norm_cdf(double x) {
  double y = fabs(x);
  if (y <= 0.67448975) {
    double xsq = y > 1.1e-16 ? x * x : 0.0;
    double xnum = 0.065682337918207449113 * xsq;
    double xden = xsq;
    xnum = (xnum + 2.2352520354606839287) * xsq;
    xden = (xden + 47.20258190468824187) * xsq;
    xnum = (xnum + 161.02823106855587881) * xsq;
    xden = (xden + 976.09855173777669322) * xsq;
    xnum = (xnum + 1067.6894854603709582) * xsq;
    xden = (xden + 10260.932208618978205) * xsq;
    return 0.5 + x * (xnum + 18154.981253343561249) / (xden + 45507.789335026729956);
  }
  double tail;
  if (y <= SQRT_32) {
    const double c[9] = {0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
                         597.27027639480026226,  2494.5375852903726711, 6848.1904505362823326,
                         11602.651437647350124,  9842.7148383839780218, 1.0765576773720192317e-8};
    const double d[8] = {22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
                         6485.558298266760755,  18615.571640885098091, 34900.952721145977266,
                         38912.003286093271411, 19685.429676859990727};
    double xnum = c[8] * y;
    double xden = y;
    for (int i = 0; i < 7; i++) {
      xnum = (xnum + c[i]) * y;
      xden = (xden + d[i]) * y;
    }
    tail = exp_half_square(y) * ((xnum + c[7]) / (xden + d[7]));
  } else if (y < 40) {
    const double p[6] = {0.21589853405795699,     0.1274011611602473639,
                         0.022235277870649807,    0.001421619193227893466,
                         2.9112874951168792e-5,   0.02307344176494017303};
    const double q[5] = {1.28426009614491121, 0.468238212480865118, 0.0659881378689285515,
                         0.00378239633202758244, 7.29751555083966205e-5};
    double xsq = 1.0 / (y * y);
    double xnum = p[5] * xsq;
    double xden = xsq;
    for (int i = 0; i < 4; i++) {
      xnum = (xnum + p[i]) * xsq;
      xden = (xden + q[i]) * xsq;
    }
    double r = xsq * (xnum + p[4]) / (xden + q[4]);
    tail = exp_half_square(y) * ((INV_SQRT_2PI - r) / y);
  } else {
    tail = 0.0;
  }
  return x > 0 ? 1.0 - tail : tail;
}

__device__ double norm_pdf(double x) {
  double y = fabs(x);
  if (y < 1.0) {
    return INV_SQRT_2PI * exp(-0.5 * x * x);
  }
  if (!(y < 40)) {
    return 0.0;
  }
  return INV_SQRT_2PI * exp_half_square(y);
}

// Prices of n smooth rows. black76: the spot column holds the forward and the carry is 0.
extern "C" __global__ void bs_price(int n, int black76, const unsigned char* call,
                                    const double* s, const double* k, const double* t,
                                    const double* r, const double* q, const double* vol,
                                    double* out) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    double div = black76 ? r[i] : q[i];
    double dq = exp(-div * t[i]);
    double dr = exp(-r[i] * t[i]);
    double v = vol[i] * sqrt(t[i]);
    double d1 = (log(s[i] / k[i]) + (r[i] - div) * t[i]) / v + 0.5 * v;
    double d2 = d1 - v;
    if (call[i]) {
      out[i] = dq * s[i] * norm_cdf(d1) - dr * k[i] * norm_cdf(d2);
    } else {
      out[i] = dr * k[i] * norm_cdf(-d2) - dq * s[i] * norm_cdf(-d1);
    }
  }
}

// Price, delta, gamma, vega, theta and rho of n smooth rows (Black-76 rho holds the forward).
extern "C" __global__ void bs_greeks(int n, int black76, const unsigned char* call,
                                     const double* s, const double* k, const double* t,
                                     const double* r, const double* q, const double* vol,
                                     double* price, double* delta, double* gamma, double* vega,
                                     double* theta, double* rho) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    double div = black76 ? r[i] : q[i];
    double dq = exp(-div * t[i]);
    double dr = exp(-r[i] * t[i]);
    double sqrtT = sqrt(t[i]);
    double v = vol[i] * sqrtT;
    double w = call[i] ? 1.0 : -1.0;
    double d1 = (log(s[i] / k[i]) + (r[i] - div) * t[i]) / v + 0.5 * v;
    double d2 = d1 - v;
    double nd1 = norm_pdf(d1);
    double cd1 = norm_cdf(w * d1);
    double cd2 = norm_cdf(w * d2);
    double sdq = s[i] * dq;
    double kdr = k[i] * dr;
    double p = w * (sdq * cd1 - kdr * cd2);
    price[i] = p;
    delta[i] = w * dq * cd1;
    gamma[i] = dq * nd1 / (s[i] * v);
    vega[i] = sdq * nd1 * sqrtT;
    theta[i] = -sdq * nd1 * vol[i] / (2.0 * sqrtT) + w * (div * sdq * cd1 - r[i] * kdr * cd2);
    rho[i] = black76 ? -t[i] * p : w * kdr * t[i] * cd2;
  }
}

__device__ double otm_price(double f, double k, double x, double v) {
  double d1 = x / v + 0.5 * v;
  if (x < 0) {
    return f * norm_cdf(d1) - k * norm_cdf(d1 - v);
  }
  return k * norm_cdf(v - d1) - f * norm_cdf(-d1);
}

// Total implied volatility of n compacted rows: Newton steps on the log of the out-of-the-money
// undiscounted price inside a shrinking bracket (the scalar solver's iteration). done[i] = 1 when
// converged within max_iter; the host solves the other rows with the scalar solver.
extern "C" __global__ void bs_iv(int n, int max_iter, const double* f, const double* k,
                                 const double* x, const double* target, double* vout,
                                 unsigned char* done) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    double fi = f[i], ki = k[i], xi = x[i], tg = target[i];
    double lo = 0.0, hi = CUDART_INF;
    double v = sqrt(2.0 * fabs(xi));
    double logTarget = log(tg);
    unsigned char ok = 0;
    double result = NAN;
    for (int it = 1; it <= max_iter; it++) {
      double p = otm_price(fi, ki, xi, v);
      if (p == tg) {
        result = v;
        ok = 1;
        break;
      }
      if (p > tg) {
        hi = v;
      } else {
        lo = v;
      }
      double vega = fi * norm_pdf(xi / v + 0.5 * v);
      double next;
      if (p > 0 && vega > 0) {
        next = v - (log(p) - logTarget) * p / vega;
        if (fabs(next - v) <= 1e-10 * v) {
          result = next;
          ok = 1;
          break;
        }
      } else {
        next = NAN;
      }
      if (!(next > lo && next < hi)) {
        next = isinf(hi) ? 2 * v : 0.5 * (lo + hi);
      }
      double ulpv = nextafter(v, CUDART_INF) - v;
      double ulph = nextafter(hi, CUDART_INF) - hi;
      if (fabs(next - v) <= 2 * ulpv || (!isinf(hi) && hi - lo <= 4 * ulph) || isinf(next)) {
        result = next;
        ok = 1;
        break;
      }
      v = next;
    }
    vout[i] = result;
    done[i] = ok;
  }
}
