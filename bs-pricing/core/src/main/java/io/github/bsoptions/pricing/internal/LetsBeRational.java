package io.github.bsoptions.pricing.internal;

import io.github.bsoptions.pricing.formula.NormalDistribution;

/**
 * Normalised implied total volatility by the method of Jäckel's "Let's Be Rational" (Wilmott,
 * January 2015): a rational-cubic initial guess in four branches (two outer branches on transformed
 * variables that make the inverse nearly linear, two middle branches on the price itself), then
 * third-order Householder steps on an objective chosen per branch so the iteration converges in
 * about two steps everywhere. This implementation adds a bracket that shrinks with every evaluation
 * and falls back to bisection, so it converges for every normalised price strictly between the
 * bounds; it returns NaN only if that fails (never expected; callers report {@code NOT_CONVERGED}).
 *
 * <p>Internal API, unstable.
 */
public final class LetsBeRational {
  private static final double EPS = Math.ulp(1.0);
  private static final double SQRT_THREE = Math.sqrt(3.0);
  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double TWO_PI = 2.0 * Math.PI;
  private static final double TWO_PI_OVER_SQRT_27 = TWO_PI / Math.sqrt(27.0);
  private static final double PI_OVER_SIX = Math.PI / 6.0;
  private static final double INV_SQRT_2PI = NormalDistribution.INV_SQRT_2PI;
  private static final double SQRT_TWO_PI = CodyNormal.SQRT_2PI;
  private static final double SQRT_DBL_MAX = Math.sqrt(Double.MAX_VALUE);
  private static final double MIN_CONTROL = -(1.0 - Math.sqrt(EPS));
  private static final double MAX_CONTROL = 2.0 / (EPS * EPS);
  private static final int MAX_ITERATIONS = 100;

  /** {@code 0.075^3}: below it the cube root of the lower map lies in AS 241's lower tail. */
  private static final double LOWER_TAIL_CUBE = 0.075 * 0.075 * 0.075 * (1 - 1e-12);

  /** Relative step below which one more fourth-order step reaches machine precision. */
  private static final double CONVERGED_STEP = 1e-6;

  /**
   * Relative error of the normalised value below which the predicted error of a single Householder
   * step is accepted (the step is then corrected by the prediction).
   */
  private static final double ONE_STEP_TOLERANCE = 1e-13;

  /** Vega above which its square stays far from underflow. */
  private static final double VEGA_SQUARE_SAFE = 1e-140;

  private LetsBeRational() {}

  /**
   * Returns the total volatility {@code s} with {@code NormalisedBlack.otmCall(x, s) == beta}, for
   * {@code x <= 0} and {@code 0 < beta < exp(x/2)}; NaN if the iteration fails (never expected).
   * The iteration count is written to {@code iterationsOut[0]} when the array is not null.
   */
  public static double solve(double beta, double x, int[] iterationsOut) {
    return solve(beta, x, FastExp.exp(0.5 * x), iterationsOut);
  }

  /**
   * As {@link #solve(double, double, int[])}, with the caller's {@code bMax = exp(x/2)} (the upper
   * bound of the normalised out-of-the-money value), saving an exponential.
   */
  public static double solve(double beta, double x, double bMax, int[] iterationsOut) {
    return solve(beta, x, bMax, 1 / bMax, iterationsOut);
  }

  /**
   * As {@link #solve(double, double, double, int[])}, with the caller's {@code invBMax = 1 / bMax =
   * exp(-x/2)} as well (the reciprocal of the central vega without a division on the guess's
   * dependency chain).
   */
  public static double solve(
      double beta, double x, double bMax, double invBMax, int[] iterationsOut) {
    return solve(beta, x, bMax, invBMax, iterationsOut, false);
  }

  /**
   * As {@link #solve(double, double, double, double, int[])}, with the iteration count in the sign
   * instead of an output array (which a caller that the JIT does not inline into must allocate):
   * {@code s} after one iteration, {@code -s} after two, NaN after any other count or on failure
   * (the caller then solves again with the counting form, which gives the same result and count).
   */
  public static double solveSigned(double beta, double x, double bMax, double invBMax) {
    return solve(beta, x, bMax, invBMax, null, true);
  }

  private static double solve(
      double beta, double x, double bMax, double invBMax, int[] iterationsOut, boolean signed) {
    // The bracket holds only evaluated facts (b(sLeft) < beta < b(sRight)): the branch boundaries
    // are themselves subject to round-off at the ulp level, so they must not confine the root.
    double sLeft = 0.0;
    double sRight = Double.MAX_VALUE;
    double s;
    // 0: g = b - beta; 1: g = 1/ln(b) - 1/ln(beta); 2: g = ln(bMax - beta) - ln(bMax - b).
    int objective = 0;
    // At the central point sC = sqrt(2|x|), h = -t and the vega is exactly bMax / sqrt(2 pi).
    double sC = Math.sqrt(Math.abs(2.0 * x));
    double vC = INV_SQRT_2PI * bMax;
    double invVC = SQRT_TWO_PI * invBMax;
    // Every guess node (values, vegas, the middle branches' control parameters) depends on x alone:
    // from GuessNodes' fits for 0 < |x| <= 4 (no normalised Black evaluation), otherwise evaluated.
    double rootAbsX = SQRT_HALF * sC;
    boolean fitted = rootAbsX > 0 && rootAbsX <= GuessNodes.Z_MAX;
    double bC;
    if (fitted) {
      bC = bMax * GuessNodes.centralValue(rootAbsX);
    } else {
      bC = sC > 0 ? NormalisedBlack.otmCallAtCentralPoint(x, sC, vC, bMax) : 0.0;
    }
    if (beta < bC) {
      double sL;
      double vL = 0.0;
      double bL;
      if (fitted) {
        sL = GuessNodes.lowerNode(rootAbsX);
        bL = bMax * GuessNodes.lowerValue(rootAbsX);
      } else {
        sL = sC - bC * invVC;
        vL = vega(x, sL);
        bL = sL > 0 ? NormalisedBlack.otmCall(x / sL, 0.5 * sL, vL, bMax) : 0.0;
      }
      if (beta < bL) {
        double f;
        double fp;
        double rLl;
        if (rootAbsX > 0 && rootAbsX <= GuessNodes.LOWER_MAP_Z_MAX) {
          f = bL * GuessNodes.lowerMapRatio(rootAbsX);
          fp = GuessNodes.lowerMapSlope(rootAbsX);
          rLl = GuessNodes.lowerMapControl(rootAbsX);
        } else {
          // The lower map f = 2 pi |x| / sqrt(27) N(-z)^3, z = |x| / (sqrt(3) s), with its first
          // two derivatives in beta (one density, one exponential: exp(2y + s^2/4) = e1^2).
          double ax = Math.abs(x);
          double z = ax / (SQRT_THREE * sL);
          double y = z * z;
          double s2 = sL * sL;
          double phiD = NormalDistribution.pdf(z);
          double phiC = NormalDistribution.cdfFromDensity(-z, phiD);
          double e1 = FastExp.exp(y + 0.125 * s2);
          double fpp =
              PI_OVER_SIX
                  * y
                  / (s2 * sL)
                  * phiC
                  * (8 * SQRT_THREE * sL * ax + (3 * s2 * (s2 - 8) - 8 * x * x) * phiC / phiD)
                  * (e1 * e1);
          double phi2 = phiC * phiC;
          fp = TWO_PI * y * phi2 * e1;
          f = TWO_PI_OVER_SQRT_27 * ax * (phi2 * phiC);
          rLl = convexControlRight(0.0, bL, 0.0, f, 1.0, fp, fpp, true);
        }
        double fv = rationalCubic(beta, 0.0, bL, 0.0, f, 1.0, fp, rLl);
        if (!(fv > 0)) {
          double u = beta / bL;
          fv = (f * u + bL * (1 - u)) * u;
        }
        s = inverseLowerMap(x, fv);
        objective = 1;
      } else {
        double invVL;
        double rLm;
        if (fitted) {
          invVL = invBMax * GuessNodes.lowerInverseVega(rootAbsX);
          rLm = GuessNodes.lowerControlTimesZ(rootAbsX) / rootAbsX;
        } else {
          invVL = 1 / vL;
          rLm = convexControlRight(bL, bC, sL, sC, invVL, invVC, 0.0, false);
        }
        s = rationalCubic(beta, bL, bC, sL, sC, invVL, invVC, rLm);
      }
    } else {
      double sH;
      double vH = 0.0;
      double bH;
      if (fitted) {
        sH = GuessNodes.upperNode(rootAbsX);
        bH = bMax * GuessNodes.upperValue(rootAbsX);
      } else {
        sH = vC > Double.MIN_NORMAL ? sC + (bMax - bC) * invVC : sC;
        vH = vega(x, sH);
        bH = sH > 0 ? NormalisedBlack.otmCall(x / sH, 0.5 * sH, vH, bMax) : 0.0;
      }
      if (beta <= bH) {
        double invVH;
        double rHm;
        if (fitted) {
          invVH = invBMax * GuessNodes.upperInverseVega(rootAbsX);
          rHm = GuessNodes.upperControl(rootAbsX);
        } else {
          invVH = 1 / vH;
          rHm = convexControlLeft(bC, bH, sC, sH, invVC, invVH, 0.0, false);
        }
        s = rationalCubic(beta, bC, bH, sC, sH, invVC, invVH, rHm);
      } else {
        // The upper map f = N(-s/2), df/dbeta = -exp(w/2)/2, d2f/dbeta2 = sqrt(pi/2) exp(w +
        // s^2/8) w / s with w = (x/s)^2; exp(s^2/8) = 1 / (sqrt(2 pi) n(s/2)).
        double d = NormalDistribution.pdf(0.5 * sH);
        double f = NormalDistribution.cdfFromDensity(-0.5 * sH, d);
        double fp = -0.5;
        double fpp = 0.0;
        if (x != 0) {
          double w = (x / sH) * (x / sH);
          double e = FastExp.exp(0.5 * w);
          fp = -0.5 * e;
          fpp = 0.5 * (e * e) * w / (d * sH);
        }
        double fv = 0;
        if (fpp > -SQRT_DBL_MAX && fpp < SQRT_DBL_MAX) {
          double rHh = convexControlLeft(bH, bMax, f, 0.0, fp, -0.5, fpp, true);
          fv = rationalCubic(beta, bH, bMax, f, 0.0, fp, -0.5, rHh);
        }
        if (!(fv > 0)) {
          double hh = bMax - bH;
          double u = (beta - bH) / hh;
          fv = (f * (1 - u) + 0.5 * hh * u) * (1 - u);
        }
        s = -2.0 * NormalQuantile.quantile(Math.min(Math.max(fv, 0.0), 1.0));
        if (beta > 0.5 * bMax) {
          objective = 2;
        }
      }
    }
    if (!(s > sLeft && s < sRight) || Double.isInfinite(s)) {
      s =
          Double.isInfinite(sRight) || sRight == Double.MAX_VALUE
              ? 2 * sLeft + 1
              : 0.5 * (sLeft + sRight);
    }
    double lnBeta = objective == 1 ? Math.log(beta) : 0.0;
    double invLnBeta = 1 / lnBeta;
    double ds = Double.MAX_VALUE;
    double dsPrevious = 0;
    int reversals = 0;
    int i = 0;
    while (i < MAX_ITERATIONS) {
      i++;
      double hs = x / s;
      double t = 0.5 * s;
      double bp = INV_SQRT_2PI * FastExp.exp(-0.5 * (hs * hs + t * t));
      double b = NormalisedBlack.otmCall(hs, t, bp, bMax);
      if (b > beta && s < sRight) {
        sRight = s;
      } else if (b < beta && s > sLeft) {
        sLeft = s;
      } else if (b == beta) {
        break;
      }
      double hOverS = hs * (1 / s);
      double bHalley = hs * hOverS - 0.25 * s;
      double bHh3 = bHalley * bHalley - 3.0 * hOverS * hOverS - 0.25;
      double step;
      if (objective == 1) {
        if (b <= 0 || bp <= 0) {
          step = Double.NaN;
        } else {
          double lnB = Math.log(b);
          double bpob = bp / b;
          double il = 1 / lnB;
          double newton = (lnBeta - lnB) * lnB * invLnBeta / bpob;
          double halley = bHalley - bpob * (1 + 2 * il);
          double hh3 =
              bHh3 + 2 * bpob * bpob * (1 + 3 * il * (1 + il)) - 3 * bHalley * bpob * (1 + 2 * il);
          step = newton * householder(newton, halley, hh3);
        }
      } else if (objective == 2) {
        if (b >= bMax || bp <= Double.MIN_NORMAL) {
          step = Double.NaN;
        } else {
          double bMaxMinusB = bMax - b;
          double g = Math.log((bMax - beta) / bMaxMinusB);
          double gp = bp / bMaxMinusB;
          double newton = -g / gp;
          double halley = bHalley + gp;
          double hh3 = bHh3 + gp * (2 * gp + 3 * bHalley);
          step = newton * householder(newton, halley, hh3);
        }
      } else {
        double g = beta - b;
        if (bp > VEGA_SQUARE_SAFE) {
          // newton * householder(newton, bHalley, bHh3) with newton = g / bp, in one division.
          step =
              g * (bp + 0.5 * bHalley * g) / (bp * bp + g * (bHalley * bp + bHh3 * g * (1.0 / 6)));
        } else {
          double newton = g / bp;
          step = bp > 0 ? newton * householder(newton, bHalley, bHh3) : Double.NaN;
        }
      }
      if (step * dsPrevious < 0) {
        reversals++;
      }
      if (Math.abs(step) <= 4 * EPS * s) {
        // Converged to round-off: the step no longer changes s meaningfully.
        break;
      }
      double next = s + Math.max(-0.5 * s, step);
      if (!(next > sLeft && next < sRight) || reversals >= 3) {
        // Outside the bracket, underflow, or looping on round-off: bisect.
        next = sRight == Double.MAX_VALUE ? 2 * s : 0.5 * (sLeft + sRight);
        reversals = 0;
        step = 0;
      }
      ds = next - s;
      dsPrevious = step;
      s = next;
      if (objective == 0 && i == 1 && step != 0) {
        // One step may suffice. From an error E, a Householder(3) step leaves E^4 (K4 + E K5 +
        // ...), with A = b''/b', B = b'''/b', C = b''''/b', D = b'''''/b' at the root, K4 = (3
        // A^3 - 4 A B + C) / 24, K5 = -A^4/4 + A^2 B/2 - A C/6 - B^2/9 + D/30. The derivatives of
        // ln b' = -(h^2 + t^2)/2 + const are L1 = A, L2 = -3 q - 1/4, L3 = 12 q / s, L4 = -60 q /
        // s^2 (q = (h/s)^2), which give K4 = (L3 - A L2) / 24 and K5 = A^4/180 - A^2 L2/45 - A
        // L3/30 - L2^2/90 + L4/30. With E = -ds to leading order: where the error predicted by K4,
        // plus twice a bound of the next term (which also covers K4 being taken at s instead of
        // the root), moves the value by less than ONE_STEP_TOLERANCE relative, stop, correcting
        // s by the K4 prediction (so the remaining error is of fifth order).
        double q = hOverS * hOverS;
        double invS = 1 / s;
        double l2 = -3 * q - 0.25;
        double l3 = 12 * q * invS;
        double k4 = (l3 - bHalley * l2) * (1.0 / 24);
        double a2 = bHalley * bHalley;
        double k5 =
            a2 * (a2 * (1.0 / 180) - l2 * (1.0 / 45))
                + Math.abs(bHalley) * l3 * (1.0 / 30)
                + l2 * l2 * (1.0 / 90)
                + 2 * q * invS * invS;
        double ds2 = ds * ds;
        double ds4 = ds2 * ds2;
        double predicted = ds4 * k4;
        if ((Math.abs(predicted) + 2 * ds4 * Math.abs(ds) * k5) * bp <= ONE_STEP_TOLERANCE * beta) {
          s -= predicted;
          break;
        }
      }
      if (Math.abs(ds) <= CONVERGED_STEP * s && step != 0) {
        // Fourth-order convergence: the error after this step is far below an ulp.
        break;
      }
      if (sRight - sLeft <= 2 * EPS * s) {
        break;
      }
    }
    if (iterationsOut != null) {
      iterationsOut[0] = i;
    }
    double result = i >= MAX_ITERATIONS || !(s > 0) ? Double.NaN : s;
    if (signed) {
      return i == 1 ? result : i == 2 ? -result : Double.NaN;
    }
    return result;
  }

  /** Returns the normalised vega at {@code s >= 0} (0 at {@code s = 0} unless {@code x = 0}). */
  private static double vega(double x, double s) {
    return NormalisedBlack.vega(x, s);
  }

  private static double householder(double newton, double halley, double hh3) {
    return (1 + 0.5 * halley * newton) / (1 + newton * (halley + hh3 * newton / 6));
  }

  private static double inverseLowerMap(double x, double f) {
    if (!(f > 0)) {
      return 0;
    }
    double u = f / (TWO_PI_OVER_SQRT_27 * Math.abs(x));
    // The quantile of p = u^(1/3): in AS 241's lower tail (p < 0.075) only ln p = ln(u) / 3 is
    // needed, which saves the cube root.
    double q =
        u > 0 && u < LOWER_TAIL_CUBE
            ? NormalQuantile.lowerTailFromLog(Math.log(u) / 3)
            : NormalQuantile.quantile(Math.min(Math.cbrt(u), 1.0));
    return Math.abs(x / (SQRT_THREE * q));
  }

  /** Rational cubic interpolation (Delbourgo and Gregory) with control parameter {@code r}. */
  private static double rationalCubic(
      double x, double xL, double xR, double yL, double yR, double dL, double dR, double r) {
    double h = xR - xL;
    if (Math.abs(h) <= 0) {
      return 0.5 * (yL + yR);
    }
    double t = (x - xL) / h;
    if (!(r >= MAX_CONTROL)) {
      double omt = 1 - t;
      double t2 = t * t;
      double omt2 = omt * omt;
      return (yR * t2 * t
              + (r * yR - h * dR) * t2 * omt
              + (r * yL + h * dL) * t * omt2
              + yL * omt2 * omt)
          / (1 + (r - 3) * t * omt);
    }
    return yR * t + yL * (1 - t);
  }

  private static double controlLeft(
      double xL, double xR, double yL, double yR, double dL, double dR, double secondL) {
    double h = xR - xL;
    double numerator = 0.5 * h * secondL + (dR - dL);
    if (numerator == 0) {
      return 0;
    }
    double denominator = (yR - yL) / h - dL;
    if (denominator == 0) {
      return numerator > 0 ? MAX_CONTROL : MIN_CONTROL;
    }
    return numerator / denominator;
  }

  private static double controlRight(
      double xL, double xR, double yL, double yR, double dL, double dR, double secondR) {
    double h = xR - xL;
    double numerator = 0.5 * h * secondR + (dR - dL);
    if (numerator == 0) {
      return 0;
    }
    double denominator = dR - (yR - yL) / h;
    if (denominator == 0) {
      return numerator > 0 ? MAX_CONTROL : MIN_CONTROL;
    }
    return numerator / denominator;
  }

  private static double minimumControl(double dL, double dR, double slope, boolean preferShape) {
    boolean monotonic = dL * slope >= 0 && dR * slope >= 0;
    boolean convex = dL <= slope && slope <= dR;
    boolean concave = dL >= slope && slope >= dR;
    if (!monotonic && !convex && !concave) {
      return MIN_CONTROL;
    }
    double r1 = -Double.MAX_VALUE;
    double r2 = r1;
    if (monotonic) {
      if (slope != 0) {
        r1 = (dR + dL) / slope;
      } else if (preferShape) {
        r1 = MAX_CONTROL;
      }
    }
    if (convex || concave) {
      double sMinusDl = slope - dL;
      double dRMinusS = dR - slope;
      if (sMinusDl != 0 && dRMinusS != 0) {
        // max(|a / b|, |a / c|) = |a| / min(|b|, |c|), to the bit (rounding is monotonic).
        r2 = Math.abs(dR - dL) / Math.min(Math.abs(dRMinusS), Math.abs(sMinusDl));
      } else if (preferShape) {
        r2 = MAX_CONTROL;
      }
    } else if (monotonic && preferShape) {
      r2 = MAX_CONTROL;
    }
    return Math.max(MIN_CONTROL, Math.max(r1, r2));
  }

  /** The control parameter of a rational cubic (package-private for GuessNodesTest). */
  static double convexControlLeft(
      double xL,
      double xR,
      double yL,
      double yR,
      double dL,
      double dR,
      double secondL,
      boolean preferShape) {
    double r = controlLeft(xL, xR, yL, yR, dL, dR, secondL);
    double rMin = minimumControl(dL, dR, (yR - yL) / (xR - xL), preferShape);
    return Math.max(r, rMin);
  }

  /** The control parameter of a rational cubic (package-private for GuessNodesTest). */
  static double convexControlRight(
      double xL,
      double xR,
      double yL,
      double yR,
      double dL,
      double dR,
      double secondR,
      boolean preferShape) {
    double r = controlRight(xL, xR, yL, yR, dL, dR, secondR);
    double rMin = minimumControl(dL, dR, (yR - yL) / (xR - xL), preferShape);
    return Math.max(r, rMin);
  }
}
