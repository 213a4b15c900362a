package io.github.bsoptions.app.cli;

import io.github.bsoptions.data.enrich.ChainEnricher;
import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.replay.ChainCsv;
import io.github.bsoptions.data.spi.MarketDataProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bs chain SYMBOL}: fetches an option chain from a market data source, enriches it with
 * implied volatility and greeks ({@link ChainEnricher}: provider values when given, else computed
 * with bs-pricing from the parity-implied forward) and prints it as a table or as CSV ({@link
 * ChainCsv#COLUMNS}).
 */
@Command(
    name = "chain",
    description = {
      "Prints the enriched option chain of SYMBOL (IV and greeks from the provider, or computed"
          + " with bs-pricing; column greeks_source says which).",
      "Sources: simulated (offline default), replay (--replay-file), alpaca (APCA_API_KEY_ID,"
          + " APCA_API_SECRET_KEY), massive (MASSIVE_API_KEY)."
    })
public final class ChainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", description = "Underlying symbol, e.g. SPY.")
  String symbol;

  @Option(
      names = "--source",
      defaultValue = "simulated",
      description = "simulated, replay, alpaca or massive (default ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--replay-file", description = "Recording to replay (with --source replay).")
  Path replayFile;

  @Option(names = "--expiry", description = "Only this expiry (YYYY-MM-DD).")
  String expiry;

  @Option(
      names = "--ntm",
      defaultValue = "5",
      description = "Strikes kept on each side of spot per expiry (default ${DEFAULT-VALUE}).")
  int ntm;

  @Option(names = "--all", description = "Every strike (no near-the-money window).")
  boolean all;

  @Option(
      names = "--rate",
      defaultValue = "0.04",
      description = "Risk-free rate for computed IV/greeks (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or csv (default ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--set",
      description =
          "Provider setting KEY=VALUE overriding the environment (e.g. APCA_API_DATA_URL,"
              + " SIM_SEED).")
  Map<String, String> settings = new HashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!format.equals("table") && !format.equals("csv")) {
        throw new IllegalArgumentException("--format must be table or csv, was '" + format + "'");
      }
      if (ntm < 0) {
        throw new IllegalArgumentException("--ntm must be >= 0, was " + ntm);
      }
      OptionChainQuery query = OptionChainQuery.all(symbol.toUpperCase(Locale.ROOT));
      if (expiry != null) {
        LocalDate d;
        try {
          d = LocalDate.parse(expiry);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("--expiry must be YYYY-MM-DD, was '" + expiry + "'");
        }
        query = query.withExpirations(d, d);
      }
      List<EnrichedOption> rows;
      try (MarketDataProvider provider = MarketSources.open(source, replayFile, settings)) {
        OptionChain chain = provider.optionChain(query);
        OptionalDouble fallback = chain.underlyingPrice();
        if (fallback.isEmpty()) {
          fallback = MarketSources.spotOf(provider, query.underlying());
        }
        rows = ChainEnricher.withRate(rate).enrich(chain, fallback);
        if (!all) {
          rows = nearTheMoney(rows, ntm);
        }
        if (format.equals("csv")) {
          ChainCsv.write(rows, chain.source(), out);
        } else {
          printTable(rows, chain, out);
        }
      }
      out.flush();
      return 0;
    } catch (DataException.Authentication e) {
      err.println("bs chain: " + e.getMessage());
      err.flush();
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("bs chain: " + e.getMessage());
      err.flush();
      return 2;
    } catch (Exception e) {
      err.println("bs chain: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /**
   * Keeps, per expiry, the {@code n} strikes below spot and the {@code n} strikes at or above spot
   * (calls and puts of those strikes).
   */
  static List<EnrichedOption> nearTheMoney(List<EnrichedOption> rows, int n) {
    Map<LocalDate, TreeSet<Double>> strikes = new TreeMap<>();
    Map<LocalDate, Double> spots = new HashMap<>();
    for (EnrichedOption o : rows) {
      LocalDate e = o.contract().expiration();
      strikes.computeIfAbsent(e, k -> new TreeSet<>()).add(o.contract().strike());
      spots.putIfAbsent(e, o.underlyingPrice());
    }
    Map<LocalDate, TreeSet<Double>> keep = new LinkedHashMap<>();
    for (Map.Entry<LocalDate, TreeSet<Double>> e : strikes.entrySet()) {
      double spot = spots.get(e.getKey());
      TreeSet<Double> kept = new TreeSet<>();
      List<Double> below = new ArrayList<>(e.getValue().headSet(spot, false).descendingSet());
      List<Double> above = new ArrayList<>(e.getValue().tailSet(spot, true));
      kept.addAll(below.subList(0, Math.min(n, below.size())));
      kept.addAll(above.subList(0, Math.min(n, above.size())));
      keep.put(e.getKey(), kept);
    }
    List<EnrichedOption> out = new ArrayList<>();
    for (EnrichedOption o : rows) {
      if (keep.get(o.contract().expiration()).contains(o.contract().strike())) {
        out.add(o);
      }
    }
    return out;
  }

  private static void printTable(List<EnrichedOption> rows, OptionChain chain, PrintWriter out) {
    double spot = rows.isEmpty() ? Double.NaN : rows.get(0).underlyingPrice();
    out.printf(
        Locale.ROOT,
        "%s  spot %.2f  as of %s  source %s  %d contracts%n",
        chain.underlying(),
        spot,
        chain.asOf(),
        chain.source(),
        rows.size());
    out.printf(
        Locale.ROOT,
        "%-22s %-4s %9s %10s %9s %9s %9s %8s %8s %8s %8s %8s %7s %8s  %s%n",
        "symbol",
        "type",
        "strike",
        "expiry",
        "bid",
        "ask",
        "mid",
        "iv",
        "delta",
        "gamma",
        "theta/d",
        "vega/pt",
        "volume",
        "oi",
        "greeks");
    for (EnrichedOption o : rows) {
      out.printf(
          Locale.ROOT,
          "%-22s %-4s %9.2f %10s %9s %9s %9s %8s %8s %8s %8s %8s %7d %8s  %s%n",
          o.symbol(),
          o.contract().type().name().toLowerCase(Locale.ROOT),
          o.contract().strike(),
          o.contract().expiration(),
          num(o.bid(), 2),
          num(o.ask(), 2),
          num(o.mid(), 3),
          num(o.impliedVolatility(), 4),
          num(o.delta(), 4),
          num(o.gamma(), 5),
          num(o.theta() / 365.0, 4),
          num(o.vega() / 100.0, 4),
          o.volume(),
          o.openInterest() < 0 ? "-" : Long.toString(o.openInterest()),
          o.greeksSource().name().toLowerCase(Locale.ROOT));
    }
  }

  private static String num(double v, int digits) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "-";
  }
}
