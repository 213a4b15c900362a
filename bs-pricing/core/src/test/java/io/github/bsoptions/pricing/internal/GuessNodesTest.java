package io.github.bsoptions.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.formula.NormalDistribution;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The fitted guess nodes of {@link GuessNodes} against the nodes evaluated as Let's Be Rational
 * defines them, and the implied volatility that uses them over a large fixed-seed random set of the
 * issue's domain: round trip to 1e-12 and never more than two Householder steps (a wrong fit would
 * not give a wrong volatility, the bracket sees to that, but it would silently cost iterations).
 */
class GuessNodesTest {
  private static final double INV_SQRT_2PI = NormalDistribution.INV_SQRT_2PI;

  private static void check(String what, double z, double fitted, double evaluated, double tol) {
    assertThat(Math.abs(fitted / evaluated - 1))
        .as("%s at z=%s: fitted %s, evaluated %s", what, z, fitted, evaluated)
        .isLessThanOrEqualTo(tol);
  }

  @Test
  void fitsMatchTheEvaluatedNodes() {
    SplittableRandom rnd = new SplittableRandom(20261202L);
    int n = 4_000;
    for (int i = 0; i <= n + 4; i++) {
      double z;
      if (i < n) {
        z = i % 2 == 0 ? rnd.nextDouble(1e-3, GuessNodes.Z_MAX) : Math.exp(rnd.nextDouble(-7, 0));
      } else {
        z =
            new double[] {1e-3, 1.0, Math.nextUp(1.0), GuessNodes.LOWER_MAP_Z_MAX, GuessNodes.Z_MAX}
                [i - n];
      }
      double x = -z * z;
      double bMax = Math.exp(0.5 * x);
      double sC = Math.sqrt(2 * Math.abs(x));
      double vC = INV_SQRT_2PI * bMax;
      double bC = NormalisedBlack.otmCallAtCentralPoint(x, sC, vC, bMax);
      double sL = sC - bC / vC;
      double vL = NormalisedBlack.vega(x, sL);
      double bL = NormalisedBlack.otmCall(x / sL, 0.5 * sL, vL, bMax);
      double sH = sC + (bMax - bC) / vC;
      double vH = NormalisedBlack.vega(x, sH);
      double bH = NormalisedBlack.otmCall(x / sH, 0.5 * sH, vH, bMax);
      // sL = sC - bC / vC cancels (sL ~ 1.25 z^2 against sC ~ 1.41 z): its rounding, about 1e-16 /
      // z relative, and the values' few ulps set the tolerance; the fits themselves are within
      // 7e-13 (the lower middle control parameter, which grows like 1 / z, within 7e-10).
      double tol = 2e-12 + 2e-15 / z;
      check("bC", z, bMax * GuessNodes.centralValue(z), bC, tol);
      check("sL", z, GuessNodes.lowerNode(z), sL, tol);
      check("bL", z, bMax * GuessNodes.lowerValue(z), bL, 8 * tol);
      check("1/vL", z, GuessNodes.lowerInverseVega(z) / bMax, 1 / vL, 8 * tol);
      check("sH", z, GuessNodes.upperNode(z), sH, tol);
      check("bH", z, bMax * GuessNodes.upperValue(z), bH, tol);
      check("1/vH", z, GuessNodes.upperInverseVega(z) / bMax, 1 / vH, tol);
      double rLm = LetsBeRational.convexControlRight(bL, bC, sL, sC, 1 / vL, 1 / vC, 0.0, false);
      check("rLm", z, GuessNodes.lowerControlTimesZ(z) / z, rLm, 1e-9 + 1e-13 / (z * z));
      double rHm = LetsBeRational.convexControlLeft(bC, bH, sC, sH, 1 / vC, 1 / vH, 0.0, false);
      check("rHm", z, GuessNodes.upperControl(z), rHm, 1e-11);
      if (z <= GuessNodes.LOWER_MAP_Z_MAX) {
        // The lower map and its first two derivatives at the node, as LetsBeRational evaluates
        // them.
        double ax = Math.abs(x);
        double y = ax / (Math.sqrt(3) * sL);
        double s2 = sL * sL;
        double phiD = NormalDistribution.pdf(y);
        double phiC = NormalDistribution.cdf(-y);
        double e1 = Math.exp(y * y + 0.125 * s2);
        double fpp =
            Math.PI
                / 6
                * y
                * y
                / (s2 * sL)
                * phiC
                * (8 * Math.sqrt(3) * sL * ax + (3 * s2 * (s2 - 8) - 8 * x * x) * phiC / phiD)
                * (e1 * e1);
        double fp = 2 * Math.PI * y * y * phiC * phiC * e1;
        double f = 2 * Math.PI / Math.sqrt(27) * ax * phiC * phiC * phiC;
        check("f", z, bL * GuessNodes.lowerMapRatio(z), f, 8 * tol);
        check("f'", z, GuessNodes.lowerMapSlope(z), fp, 8 * tol);
        double rLl = LetsBeRational.convexControlRight(0.0, bL, 0.0, f, 1.0, fp, fpp, true);
        check("rLl", z, GuessNodes.lowerMapControl(z), rLl, z <= 1 ? 1e-9 : 1e-7);
      }
    }
  }

  @Test
  void roundTripOverTheIssueDomainInAtMostTwoSteps() {
    // |ln(F/K)| <= 3 (three quarters) or the benchmark's chain domain (a quarter), expiry 1 hour to
    // 30 years, volatility 0.5% to 500%, rates -2% to 10%, dividend yields 0 to 5%.
    SplittableRandom rnd = new SplittableRandom(7_000_007L);
    int n = 200_000;
    int ok = 0;
    long iterations = 0;
    int chainOk = 0;
    long chainIterations = 0;
    for (int i = 0; i < n; i++) {
      boolean chain = i % 4 == 3;
      boolean call = rnd.nextBoolean();
      double s = 100;
      double t =
          chain
              ? rnd.nextDouble(1.0 / 365, 2.0)
              : Math.exp(rnd.nextDouble(Math.log(1.0 / 8760), Math.log(30)));
      double r = rnd.nextDouble(-0.02, 0.10);
      double q = rnd.nextDouble(0, 0.05);
      double x = chain ? rnd.nextDouble(-0.5, 0.5) : rnd.nextDouble(-3, 3);
      double vol =
          chain ? rnd.nextDouble(0.1, 0.8) : Math.exp(rnd.nextDouble(Math.log(0.005), Math.log(5)));
      double k = s * Math.exp((r - q) * t - x); // ln(F/K) = x
      double p = BlackScholesFormulas.price(call, s, k, t, r, q, vol);
      ImpliedVolResult res = ImpliedVolatility.blackScholes(call, s, k, t, r, q, p);
      Supplier<String> what =
          () ->
              String.format(
                  "call=%s x=%s t=%s r=%s q=%s vol=%s p=%s res=%s", call, x, t, r, q, vol, p, res);
      if (res.isOk()) {
        ok++;
        double back = BlackScholesFormulas.price(call, s, k, t, r, q, res.volatility());
        double priceError = Math.abs(back - p) / p;
        double volError = Math.abs(res.volatility() - vol) / vol;
        if (!(p < Double.MIN_NORMAL || priceError <= 1e-12 || volError <= 1e-14)) {
          fail("price not reproduced to 1e-12: " + what.get());
        }
        if (!(volError <= 1e-3)) {
          fail("volatility not recovered: " + what.get());
        }
        // Normalised prices that underflow (1e-300 and below) may bisect; nothing else does.
        if (p >= 1e-280 && !(res.iterations() >= 1 && res.iterations() <= 2)) {
          fail("more than two steps: " + what.get());
        }
        iterations += res.iterations();
        if (chain) {
          chainOk++;
          chainIterations += res.iterations();
        }
      } else {
        if (res.status() != PricingStatus.NO_TIME_VALUE
            && res.status() != PricingStatus.ABOVE_UPPER_BOUND) {
          fail("unexpected status: " + what.get());
        }
      }
    }
    assertThat(ok).isGreaterThan(n / 3);
    assertThat(chainOk).isGreaterThan(n / 4 - 1_000);
    // The one-step rule must keep working with the fitted guess: on the chain's domain 60% of the
    // solves take one step (1.40 per solve; a guess that lost its digits would take two).
    assertThat((double) chainIterations / chainOk).isLessThan(1.45);
    assertThat((double) iterations / ok).isLessThan(2.0);
  }

  @Test
  void scalarApiCarriesTheCountingFormsResultAndIterations() {
    // ImpliedVolatility takes the count from the sign of BlackImpliedVol.solveSigned (no array)
    // and falls back to the counting form for the rest: every field must equal the counting
    // form's, for model prices, off-model prices, prices below intrinsic or above the bound.
    SplittableRandom rnd = new SplittableRandom(424_242L);
    int n = 100_000;
    int[] byCount = new int[4];
    for (int i = 0; i < n; i++) {
      boolean call = rnd.nextBoolean();
      double s = 100;
      double t = Math.exp(rnd.nextDouble(Math.log(1.0 / 8760), Math.log(30)));
      double r = rnd.nextDouble(-0.02, 0.10);
      double q = rnd.nextDouble(0, 0.05);
      double k = s * Math.exp((r - q) * t - rnd.nextDouble(-3, 3));
      double vol = Math.exp(rnd.nextDouble(Math.log(0.005), Math.log(5)));
      double p = BlackScholesFormulas.price(call, s, k, t, r, q, vol);
      switch (i % 5) {
        case 1 -> p *= 1 + rnd.nextDouble(-1e-3, 1e-3);
        case 2 -> p = Math.max(0, p - rnd.nextDouble(0, 2));
        case 3 -> p *= 1 + rnd.nextDouble(0, 1);
        default -> {}
      }
      ImpliedVolResult api = ImpliedVolatility.blackScholes(call, s, k, t, r, q, p);
      int[] count = new int[1];
      double v = BlackImpliedVol.solve(call, s, k, t, r, q, p, count);
      PricingStatus status = BlackImpliedVol.status(v);
      ImpliedVolResult counting =
          new ImpliedVolResult(status.isOk() ? v : Double.NaN, status, count[0]);
      assertThat(api)
          .as("call=%s k=%s t=%s r=%s q=%s p=%s", call, k, t, r, q, p)
          .isEqualTo(counting);
      byCount[Math.min(api.iterations(), 3)]++;
    }
    // Every branch of the decoding is exercised: no iteration (statuses before solving), one,
    // two, and more (the counting form).
    for (int c = 0; c < byCount.length; c++) {
      assertThat(byCount[c]).as("solves with %s iterations", c).isPositive();
    }
  }
}
