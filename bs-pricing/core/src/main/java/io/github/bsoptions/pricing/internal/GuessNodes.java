package io.github.bsoptions.pricing.internal;

/**
 * Let's Be Rational's two guess nodes as functions of the log-moneyness alone, for the
 * implied-volatility guess without a normalised Black evaluation. With {@code x <= 0}, {@code bMax
 * = e^{x/2}}, the central point {@code sC = sqrt(2|x|)}, its value {@code bC} and vega {@code vC =
 * bMax / sqrt(2 pi)}, the nodes are {@code sL = sC - bC / vC} and {@code sH = sC + (bMax - bC) /
 * vC}; {@code b(x, sL)}, {@code b(x, sH)} and the vegas there depend on {@code z = sqrt|x|} only.
 * Polynomials in {@code z} on {@code [0, 1]} (degree 16) and {@code [1, 2]} (degree 12), least-squares
 * fits at 200 Chebyshev points of 40-digit values (mpmath), give {@code b(x, sL) / (bMax z^2)},
 * {@code b(x, sH) / bMax}, {@code bMax / b'(x, sL)} and {@code bMax / b'(x, sH)} to within 7e-13
 * relative (checked at 300 further points per interval). The guess only needs a few digits: the
 * Householder iteration's bracket holds evaluated values only, so these nodes shape the initial
 * guess and never the result's accuracy.
 *
 * <p>Internal API, unstable.
 */
final class GuessNodes {
  /** Largest {@code z = sqrt|x|} covered by the fits ({@code |x| <= 4}). */
  static final double Z_MAX = 2.0;

  /**
   * Smallest {@code z} for which the nodes are taken from the fits: below it the caller's {@code sL
   * = sC - bC / vC} (a difference of nearly equal terms) carries a relative rounding error of about
   * {@code 1e-16 / z}, so the value is evaluated at the computed node instead.
   */
  static final double Z_MIN = 1e-3;

  private GuessNodes() {}

  /** {@code b(x, sL) / bMax}, for {@code Z_MIN <= z <= Z_MAX}. */
  static double lowerValue(double z) {
    double p = z <= 1 ? poly16(LOWER_VALUE_0, 2 * z - 1) : poly12(LOWER_VALUE_1, 2 * z - 3);
    return z * z * p;
  }

  /** {@code b(x, sH) / bMax}, for {@code 0 <= z <= Z_MAX}. */
  static double upperValue(double z) {
    return z <= 1 ? poly16(UPPER_VALUE_0, 2 * z - 1) : poly12(UPPER_VALUE_1, 2 * z - 3);
  }

  /** {@code bMax / b'(x, sL)}, for {@code Z_MIN <= z <= Z_MAX}. */
  static double lowerInverseVega(double z) {
    return z <= 1 ? poly16(LOWER_INV_VEGA_0, 2 * z - 1) : poly12(LOWER_INV_VEGA_1, 2 * z - 3);
  }

  /** {@code bMax / b'(x, sH)}, for {@code 0 <= z <= Z_MAX}. */
  static double upperInverseVega(double z) {
    return z <= 1 ? poly16(UPPER_INV_VEGA_0, 2 * z - 1) : poly12(UPPER_INV_VEGA_1, 2 * z - 3);
  }

  /** Degree 16 by Estrin's scheme. */
  private static double poly16(double[] c, double u) {
    double u2 = u * u;
    double u4 = u2 * u2;
    double u8 = u4 * u4;
    double a =
        ((c[0] + c[1] * u) + (c[2] + c[3] * u) * u2)
            + ((c[4] + c[5] * u) + (c[6] + c[7] * u) * u2) * u4;
    double b =
        ((c[8] + c[9] * u) + (c[10] + c[11] * u) * u2)
            + ((c[12] + c[13] * u) + (c[14] + c[15] * u) * u2) * u4;
    return a + (b + c[16] * u8) * u8;
  }

  /** Degree 12 by Estrin's scheme. */
  private static double poly12(double[] c, double u) {
    double u2 = u * u;
    double u4 = u2 * u2;
    double u8 = u4 * u4;
    double a =
        ((c[0] + c[1] * u) + (c[2] + c[3] * u) * u2)
            + ((c[4] + c[5] * u) + (c[6] + c[7] * u) * u2) * u4;
    double b = ((c[8] + c[9] * u) + (c[10] + c[11] * u) * u2) + c[12] * u4;
    return a + b * u8;
  }

  private static final double[] LOWER_VALUE_0 = {
    0.0686057000552367, -0.04720857043033518, 0.022418708285697673, -0.00877971606931332, 0.0029962501734545717, -0.0009071710056013976, 0.00024215631090345662, -5.459308292702864e-05, 8.795965955387463e-06, 4.616192659008157e-08, -8.605384395943834e-07, 5.022083359635902e-07, -2.1114618798174117e-07, 7.238872313036913e-08, -2.413301113944134e-08, 9.577409290082426e-09, -2.4194556085031248e-09
  };

  private static final double[] UPPER_VALUE_0 = {
    0.8056920440344801, 0.02178696709105905, 0.00011293327114100088, -0.003121635711743903, 0.001853393002756115, -0.000705538471874804, 0.00019130409960539142, -3.0201357724646967e-05, -3.4122052007930765e-06, 4.887196016534404e-06, -2.266388675769135e-06, 7.274009982300815e-07, -1.7176779500829007e-07, 2.6728043535271063e-08, 2.1249212506727125e-10, -2.405375014298302e-09, 7.666550426881342e-10
  };

  private static final double[] LOWER_INV_VEGA_0 = {
    4.117044228480561, 0.5213936077475665, -0.13434325434825764, 0.02023835239645673, 0.001426440301206439, -0.0022868812407461562, 0.0009682066712943677, -0.00028607386402710314, 6.618734009396823e-05, -1.2381992323231378e-05, 2.0643490311489926e-06, -5.005749388459886e-07, 2.1989166453108084e-07, -8.673018004730361e-08, 4.010491688917074e-08, -2.8652547032192215e-08, 9.623871396760757e-09
  };

  private static final double[] UPPER_INV_VEGA_0 = {
    5.64716661930165, 0.16428095409301116, -0.049528223485199, -0.020782752532303383, 0.0250579560886062, -0.012691718406850905, 0.004331581008311303, -0.001108062578263959, 0.0002509326759714505, -8.096685168568439e-05, 4.187821133342142e-05, -2.170997848479077e-05, 9.013366626139863e-06, -2.613472420698297e-06, 6.58494986710053e-07, -3.703219881677602e-07, 1.336517366982613e-07
  };

  private static final double[] LOWER_VALUE_1 = {
    0.02297269978296228, -0.010049243579398697, 0.0031703686660057764, -0.0008576067852840249, 0.00021030523549049154, -4.7955570515328e-05, 1.0307387774039104e-05, -2.1041055096854795e-06, 4.0936051240845767e-07, -7.5744873179656e-08, 1.3361147825356087e-08, -2.3682019195209636e-09, 3.5469156098595986e-10
  };

  private static final double[] UPPER_VALUE_1 = {
    0.8404820835865436, 0.012186725266639576, -0.0022290794905940616, 0.0002959628509539338, -9.142529688514945e-06, -1.0990242175898203e-05, 4.94362962658287e-06, -1.4840342650206725e-06, 3.674133967865883e-07, -7.909958971217688e-08, 1.4967265510139462e-08, -2.404231817836824e-09, 2.5563821821887483e-10
  };

  private static final double[] LOWER_INV_VEGA_1 = {
    4.771509923219411, 0.1941290116155534, -0.04338231424167119, 0.008284570301193504, -0.0013317665726807367, 0.00016591311690562232, -1.0094640888902497e-05, -2.3478644135582777e-06, 1.1538662852310846e-06, -3.122203111694749e-07, 6.741315691029765e-08, -1.3326206776816668e-08, 2.082641435839491e-09
  };

  private static final double[] UPPER_INV_VEGA_1 = {
    5.784433248862935, 0.004007583126074446, -0.016415938171407806, 0.005767760460806502, -0.0012305925380318961, 0.00013542154686532282, 2.1409206197053628e-05, -1.761844882706155e-05, 6.2612070416367e-06, -1.650357526605513e-06, 3.515179643438869e-07, -5.930125528692473e-08, 6.205851990195292e-09
  };
}
