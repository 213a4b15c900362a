package io.github.bsoptions.pricing.internal;

/**
 * Let's Be Rational's guess nodes as functions of the log-moneyness alone, for an
 * implied-volatility guess without any normalised Black evaluation. With {@code x <= 0}, {@code
 * bMax = e^{x/2}}, the central point {@code sC = sqrt(2|x|)}, its value {@code bC} and vega {@code
 * vC = bMax / sqrt(2 pi)}, the outer nodes are {@code sL = sC - bC / vC} and {@code sH = sC + (bMax
 * - bC) / vC}; their values, the vegas there and the rational cubics' control parameters of the two
 * middle branches depend on {@code z = sqrt|x|} only. Polynomials in {@code z} on {@code [0, 1]}
 * (degree 16) and {@code [1, 2]} (degree 12), least-squares fits at 200 Chebyshev points of
 * 40-digit values (mpmath), give each of them, scaled as the method names say, to within 7e-13
 * relative (the lower middle branch's control parameter, which grows like {@code 1.4 / z} as {@code
 * z -> 0}, to 7e-10), checked at 301 further points per interval. The guess needs only a few
 * digits: the Householder iteration's bracket holds evaluated values only, so these nodes shape the
 * initial guess and never the result's accuracy.
 *
 * <p>Internal API, unstable.
 */
final class GuessNodes {
  /** Largest {@code z = sqrt|x|} covered by the fits ({@code |x| <= 4}). */
  static final double Z_MAX = 2.0;

  /**
   * Largest {@code z} covered by the lower branch's fits ({@code |x| <= 3.24}; on {@code [1, 1.8]}
   * degree 12, the control parameter degree 16, within 3.3e-8): the control parameter grows steeply
   * towards {@code z = 2}, where the rational cubic's convexity bound takes over.
   */
  static final double LOWER_MAP_Z_MAX = 1.8;

  private GuessNodes() {}

  /** {@code bC / bMax}, for {@code 0 <= z <= Z_MAX}. */
  static double centralValue(double z) {
    return z * (z <= 1 ? poly16(CENTRAL_VALUE_0, 2 * z - 1) : poly12(CENTRAL_VALUE_1, 2 * z - 3));
  }

  /** {@code sL}, for {@code 0 <= z <= Z_MAX}. */
  static double lowerNode(double z) {
    return z * z * (z <= 1 ? poly16(LOWER_NODE_0, 2 * z - 1) : poly12(LOWER_NODE_1, 2 * z - 3));
  }

  /** {@code sH}, for {@code 0 <= z <= Z_MAX}. */
  static double upperNode(double z) {
    return z <= 1 ? poly16(UPPER_NODE_0, 2 * z - 1) : poly12(UPPER_NODE_1, 2 * z - 3);
  }

  /**
   * {@code z} times the control parameter of the rational cubic between {@code sL} and {@code sC},
   * for {@code 0 <= z <= Z_MAX}.
   */
  static double lowerControlTimesZ(double z) {
    return z <= 1 ? poly16(LOWER_CONTROL_0, 2 * z - 1) : poly12(LOWER_CONTROL_1, 2 * z - 3);
  }

  /** The control parameter of the rational cubic between {@code sC} and {@code sH}. */
  static double upperControl(double z) {
    return z <= 1 ? poly16(UPPER_CONTROL_0, 2 * z - 1) : poly12(UPPER_CONTROL_1, 2 * z - 3);
  }

  /** {@code b(x, sL) / bMax}, for {@code 0 <= z <= Z_MAX}. */
  static double lowerValue(double z) {
    double p = z <= 1 ? poly16(LOWER_VALUE_0, 2 * z - 1) : poly12(LOWER_VALUE_1, 2 * z - 3);
    return z * z * p;
  }

  /** {@code b(x, sH) / bMax}, for {@code 0 <= z <= Z_MAX}. */
  static double upperValue(double z) {
    return z <= 1 ? poly16(UPPER_VALUE_0, 2 * z - 1) : poly12(UPPER_VALUE_1, 2 * z - 3);
  }

  /** {@code bMax / b'(x, sL)}, for {@code 0 <= z <= Z_MAX}. */
  static double lowerInverseVega(double z) {
    return z <= 1 ? poly16(LOWER_INV_VEGA_0, 2 * z - 1) : poly12(LOWER_INV_VEGA_1, 2 * z - 3);
  }

  /** {@code bMax / b'(x, sH)}, for {@code 0 <= z <= Z_MAX}. */
  static double upperInverseVega(double z) {
    return z <= 1 ? poly16(UPPER_INV_VEGA_0, 2 * z - 1) : poly12(UPPER_INV_VEGA_1, 2 * z - 3);
  }

  /**
   * {@code f / b(x, sL)}, where {@code f} is the lower map {@code 2 pi |x| / sqrt(27) N(-y)^3},
   * {@code y = |x| / (sqrt(3) sL)}, at the node, for {@code 0 <= z <= LOWER_MAP_Z_MAX}.
   */
  static double lowerMapRatio(double z) {
    return z <= 1 ? poly16(LOWER_MAP_RATIO_0, 2 * z - 1) : poly12(LOWER_MAP_RATIO_1, 2.5 * z - 3.5);
  }

  /** The lower map's derivative in the normalised price at the node. */
  static double lowerMapSlope(double z) {
    return z <= 1 ? poly16(LOWER_MAP_SLOPE_0, 2 * z - 1) : poly12(LOWER_MAP_SLOPE_1, 2.5 * z - 3.5);
  }

  /** The control parameter of the lower branch's rational cubic. */
  static double lowerMapControl(double z) {
    return z <= 1
        ? poly16(LOWER_MAP_CONTROL_0, 2 * z - 1)
        : poly16(LOWER_MAP_CONTROL_1, 2.5 * z - 3.5);
  }

  /**
   * Copies of the middle branches' fits, for a vector backend's own evaluation of the same guess:
   * per function, in this order, {@link #centralValue} {@code / z}, {@link #lowerNode} {@code /
   * z^2}, {@link #lowerValue} {@code / z^2}, {@link #lowerInverseVega}, {@link
   * #lowerControlTimesZ}, {@link #upperNode}, {@link #upperValue}, {@link #upperInverseVega},
   * {@link #upperControl}: the coefficients (lowest degree first) of the polynomial in {@code 2z -
   * 1} on {@code [0, 1]} (17), then those in {@code 2z - 3} on {@code (1, 2]} (13). Read-only use:
   * the scalar solver keeps its own arrays.
   */
  static double[][] middleFits() {
    double[][] all = {
      CENTRAL_VALUE_0, CENTRAL_VALUE_1,
      LOWER_NODE_0, LOWER_NODE_1,
      LOWER_VALUE_0, LOWER_VALUE_1,
      LOWER_INV_VEGA_0, LOWER_INV_VEGA_1,
      LOWER_CONTROL_0, LOWER_CONTROL_1,
      UPPER_NODE_0, UPPER_NODE_1,
      UPPER_VALUE_0, UPPER_VALUE_1,
      UPPER_INV_VEGA_0, UPPER_INV_VEGA_1,
      UPPER_CONTROL_0, UPPER_CONTROL_1
    };
    double[][] copy = new double[all.length][];
    for (int k = 0; k < all.length; k++) {
      copy[k] = all[k].clone();
    }
    return copy;
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
    0.0686057000552367,
    -0.04720857043033518,
    0.022418708285697673,
    -0.00877971606931332,
    0.0029962501734545717,
    -0.0009071710056013976,
    0.00024215631090345662,
    -5.459308292702864e-05,
    8.795965955387463e-06,
    4.616192659008157e-08,
    -8.605384395943834e-07,
    5.022083359635902e-07,
    -2.1114618798174117e-07,
    7.238872313036913e-08,
    -2.413301113944134e-08,
    9.577409290082426e-09,
    -2.4194556085031248e-09
  };

  private static final double[] UPPER_VALUE_0 = {
    0.8056920440344801,
    0.02178696709105905,
    0.00011293327114100088,
    -0.003121635711743903,
    0.001853393002756115,
    -0.000705538471874804,
    0.00019130409960539142,
    -3.0201357724646967e-05,
    -3.4122052007930765e-06,
    4.887196016534404e-06,
    -2.266388675769135e-06,
    7.274009982300815e-07,
    -1.7176779500829007e-07,
    2.6728043535271063e-08,
    2.1249212506727125e-10,
    -2.405375014298302e-09,
    7.666550426881342e-10
  };

  private static final double[] LOWER_INV_VEGA_0 = {
    4.117044228480561,
    0.5213936077475665,
    -0.13434325434825764,
    0.02023835239645673,
    0.001426440301206439,
    -0.0022868812407461562,
    0.0009682066712943677,
    -0.00028607386402710314,
    6.618734009396823e-05,
    -1.2381992323231378e-05,
    2.0643490311489926e-06,
    -5.005749388459886e-07,
    2.1989166453108084e-07,
    -8.673018004730361e-08,
    4.010491688917074e-08,
    -2.8652547032192215e-08,
    9.623871396760757e-09
  };

  private static final double[] UPPER_INV_VEGA_0 = {
    5.64716661930165,
    0.16428095409301116,
    -0.049528223485199,
    -0.020782752532303383,
    0.0250579560886062,
    -0.012691718406850905,
    0.004331581008311303,
    -0.001108062578263959,
    0.0002509326759714505,
    -8.096685168568439e-05,
    4.187821133342142e-05,
    -2.170997848479077e-05,
    9.013366626139863e-06,
    -2.613472420698297e-06,
    6.58494986710053e-07,
    -3.703219881677602e-07,
    1.336517366982613e-07
  };

  private static final double[] CENTRAL_VALUE_0 = {
    0.38430965580707416,
    -0.12796524435578027,
    0.038128761170377924,
    -0.010377439792728524,
    0.0026167945666259215,
    -0.0006177269516157103,
    0.00013759548511910297,
    -2.910004464798179e-05,
    5.872788624052439e-06,
    -1.1356721260762769e-06,
    2.1117499668655453e-07,
    -3.7864639398333757e-08,
    6.552289139681062e-09,
    -1.1008108882132221e-09,
    1.8703723567446942e-10,
    -3.0480821326511455e-11,
    2.7821210217865633e-12
  };

  private static final double[] LOWER_NODE_0 = {
    0.9017842258267503,
    -0.2602616264822198,
    0.06911236482961428,
    -0.017087596824124873,
    0.0039689343240063195,
    -0.0008721106390694245,
    0.00018230917970864482,
    -3.642318365371309e-05,
    6.981357309104471e-06,
    -1.2879623188708565e-06,
    2.2935334797343008e-07,
    -3.94959169124898e-08,
    6.569606993551834e-09,
    -1.076013389948507e-09,
    1.866350493298521e-10,
    -2.5639249615127642e-11,
    -4.352880476418829e-13
  };

  private static final double[] UPPER_NODE_0 = {
    2.7320743310876883,
    0.38582670629281857,
    0.112593334422976,
    -0.0347811234117898,
    0.00972652637658395,
    -0.0025054597031244664,
    0.0006017555540506696,
    -0.00013597887175548237,
    2.9111052477677897e-05,
    -5.937085150027819e-06,
    1.158673895760565e-06,
    -2.1723335470349404e-07,
    3.92604982882468e-08,
    -6.808249314841338e-09,
    1.133621368428344e-09,
    -2.1060096120283671e-10,
    3.800295830050917e-11
  };

  private static final double[] LOWER_CONTROL_0 = {
    3.277663908957903,
    2.0180678659326463,
    0.0968888476449182,
    -0.03167450385434793,
    0.008216204299626844,
    -0.0016816900968071834,
    0.00025768782564035344,
    -2.8130290808509103e-05,
    5.46972942706881e-06,
    -4.094405231110686e-06,
    2.5995761532406165e-06,
    -1.3308249699287717e-06,
    5.854388643788547e-07,
    -1.453555987072695e-07,
    1.4404032052637653e-08,
    -3.623235770544534e-08,
    2.0605926515696425e-08
  };

  private static final double[] UPPER_CONTROL_0 = {
    3.9560747989854996,
    -0.03544952117756335,
    0.19041185728281623,
    -0.15199743589529566,
    0.08413522357442618,
    -0.039130271356462194,
    0.016836797493379935,
    -0.0071394873200436824,
    0.0030669728033017483,
    -0.0013211539641537627,
    0.000565125827744536,
    -0.00024890222849688483,
    0.00010222817139527093,
    -2.7209868096659508e-05,
    1.0186073207119491e-05,
    -1.1782812053498573e-05,
    4.731734534956379e-06
  };

  private static final double[] LOWER_VALUE_1 = {
    0.02297269978296228,
    -0.010049243579398697,
    0.0031703686660057764,
    -0.0008576067852840249,
    0.00021030523549049154,
    -4.7955570515328e-05,
    1.0307387774039104e-05,
    -2.1041055096854795e-06,
    4.0936051240845767e-07,
    -7.5744873179656e-08,
    1.3361147825356087e-08,
    -2.3682019195209636e-09,
    3.5469156098595986e-10
  };

  private static final double[] UPPER_VALUE_1 = {
    0.8404820835865436,
    0.012186725266639576,
    -0.0022290794905940616,
    0.0002959628509539338,
    -9.142529688514945e-06,
    -1.0990242175898203e-05,
    4.94362962658287e-06,
    -1.4840342650206725e-06,
    3.674133967865883e-07,
    -7.909958971217688e-08,
    1.4967265510139462e-08,
    -2.404231817836824e-09,
    2.5563821821887483e-10
  };

  private static final double[] LOWER_INV_VEGA_1 = {
    4.771509923219411,
    0.1941290116155534,
    -0.04338231424167119,
    0.008284570301193504,
    -0.0013317665726807367,
    0.00016591311690562232,
    -1.0094640888902497e-05,
    -2.3478644135582777e-06,
    1.1538662852310846e-06,
    -3.122203111694749e-07,
    6.741315691029765e-08,
    -1.3326206776816668e-08,
    2.082641435839491e-09
  };

  private static final double[] UPPER_INV_VEGA_1 = {
    5.784433248862935,
    0.004007583126074446,
    -0.016415938171407806,
    0.005767760460806502,
    -0.0012305925380318961,
    0.00013542154686532282,
    2.1409206197053628e-05,
    -1.761844882706155e-05,
    6.2612070416367e-06,
    -1.650357526605513e-06,
    3.515179643438869e-07,
    -5.930125528692473e-08,
    6.205851990195292e-09
  };

  private static final double[] CENTRAL_VALUE_1 = {
    0.22613819451522782,
    -0.048108911882924627,
    0.009690383973006856,
    -0.0018580069384843182,
    0.0003406410429163595,
    -5.9943276745564946e-05,
    1.015747454207838e-05,
    -1.6620938187823389e-06,
    2.6325649583110426e-07,
    -4.037216666874296e-08,
    6.027211798558477e-09,
    -9.357169672540777e-10,
    1.3283401085179854e-10
  };

  private static final double[] LOWER_NODE_1 = {
    0.5649127800181476,
    -0.10791015414757481,
    0.01977659107661343,
    -0.0034873085457439077,
    0.0005931958695424324,
    -9.756157877231704e-05,
    1.5546514523844103e-05,
    -2.4047946666761413e-06,
    3.6168013348534384e-07,
    -5.288783514217835e-08,
    7.551949487284777e-09,
    -1.119207894465017e-09,
    1.5287026971002307e-10
  };

  private static final double[] UPPER_NODE_1 = {
    3.7776820296718334,
    0.6045713231953463,
    0.02386029370538826,
    -0.005159096154506255,
    0.0010478756609958418,
    -0.00020154684784839174,
    3.693622707091868e-05,
    -6.481535323554723e-06,
    1.093315363255949e-06,
    -1.7746965812179412e-07,
    2.7920151607959893e-08,
    -4.57682838607693e-09,
    6.78939491148072e-10
  };

  private static final double[] LOWER_CONTROL_1 = {
    7.539080919650011,
    2.1930062350006936,
    0.016102027561995674,
    -0.004294870043401031,
    0.0009939575285412968,
    -0.00020363699043856925,
    3.7167380844920045e-05,
    -6.000702286571435e-06,
    8.329343531255101e-07,
    -9.154850764194554e-08,
    5.355464977260699e-09,
    9.787081970915383e-10,
    -3.6161343045302354e-10
  };

  private static final double[] UPPER_CONTROL_1 = {
    4.109221698611788,
    0.08353194657678918,
    -0.012149276342586116,
    -0.00043434283601880626,
    0.0011340862438197958,
    -0.0005271880159351131,
    0.00017823272473727934,
    -5.095706413671895e-05,
    1.2994253124978456e-05,
    -3.0122515063378742e-06,
    6.630847495507262e-07,
    -1.6823473774502625e-07,
    3.68966361777771e-08
  };

  private static final double[] LOWER_MAP_RATIO_0 = {
    0.3551419794388278,
    0.08802577567657115,
    0.003976195210901039,
    0.0036088640627210196,
    0.0006256355748928464,
    -0.00010337699754874807,
    4.648425329840064e-05,
    -5.8764513733989585e-06,
    9.359736768529856e-07,
    -1.2199209670215188e-07,
    4.905475844181024e-08,
    -2.0346867431135122e-08,
    7.249428414061534e-09,
    -2.0667163875913794e-09,
    5.766100860497242e-10,
    -2.4033962790058353e-10,
    6.86361925805717e-11
  };

  private static final double[] LOWER_MAP_SLOPE_0 = {
    0.2660396001270047,
    0.09986847671393329,
    0.0076337955508539185,
    0.0033969236134896723,
    0.0008994548245586952,
    -0.00011769131080589454,
    5.296144682479799e-05,
    -4.071646466730123e-06,
    -3.4106356218276606e-07,
    4.469858909264493e-07,
    -1.091632711368738e-07,
    6.766948371545889e-09,
    7.714095698713555e-09,
    -4.286544082648131e-09,
    1.6362442385713414e-09,
    -6.90626325891644e-10,
    1.834721821601046e-10
  };

  private static final double[] LOWER_MAP_CONTROL_0 = {
    8.804294611793646,
    0.009907441681392019,
    0.23574193819025957,
    -0.02390905384739226,
    0.0213531870910914,
    0.0010427307577434168,
    0.0018879322102607712,
    0.0003196022686249347,
    9.449180654591418e-05,
    7.04836442288089e-05,
    2.6238784839599555e-06,
    8.539689940020616e-06,
    5.40119679846238e-07,
    7.270024582862381e-07,
    7.967060384725479e-08,
    8.311677334479706e-08,
    3.9342525465403485e-08
  };

  private static final double[] LOWER_MAP_RATIO_1 = {
    0.5534424755417793,
    0.12067811343897678,
    0.02261214728311975,
    0.004526506586576105,
    0.0005354396264514433,
    7.771201766159426e-05,
    9.490663695672006e-06,
    8.106636848290371e-07,
    1.2439592013778182e-07,
    6.7668953809592586e-09,
    1.0761476026798577e-09,
    7.310406506661306e-11,
    5.164926891720788e-12
  };

  private static final double[] LOWER_MAP_SLOPE_1 = {
    0.4991375240508992,
    0.1442532770026236,
    0.027889140602700396,
    0.005673282499273506,
    0.0007643357287541292,
    0.0001077237195705013,
    1.3867299178476394e-05,
    1.3018045385682159e-06,
    1.8487565101284906e-07,
    1.1772049331742067e-08,
    1.7620438357068871e-09,
    1.256858124868647e-10,
    6.554257450438438e-12
  };

  private static final double[] LOWER_MAP_CONTROL_1 = {
    9.808533406199764,
    1.3213828322182188,
    0.9338037415943152,
    0.6200837444768292,
    0.4117906417119814,
    0.26449868297529633,
    0.17047207873453712,
    0.12901868016210205,
    0.09191591656751998,
    0.0003255822380789919,
    -0.01642700085380777,
    0.10198676476466369,
    0.08615539357087428,
    -0.06519597452246512,
    -0.05460614036579604,
    0.033750920584648195,
    0.02502940077032176
  };
}
