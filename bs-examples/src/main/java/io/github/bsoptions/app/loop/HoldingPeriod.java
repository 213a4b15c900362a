package io.github.bsoptions.app.loop;

import io.github.bsoptions.signals.strategy.ExitRules;
import io.github.bsoptions.signals.strategy.MarketView;
import io.github.bsoptions.signals.strategy.Signal;
import io.github.bsoptions.signals.strategy.Strategy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A strategy whose structures are held for at most a number of trading sessions: each signal keeps
 * its strategy's profit target and stop, and its exit-by date is moved to no later than the {@code
 * sessions}-th weekday after the signal's date. The loop closes a structure at the first step on or
 * after that date, so short runs (the demo's few simulated days) see trades opened and closed, with
 * a hit rate and realized P&amp;L.
 */
public final class HoldingPeriod implements Strategy {
  private final Strategy strategy;
  private final int sessions;

  /**
   * Wraps a strategy.
   *
   * @param strategy the strategy
   * @param sessions the most sessions a structure is held, at least 1
   */
  public HoldingPeriod(Strategy strategy, int sessions) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    if (sessions < 1) {
      throw new IllegalArgumentException("sessions must be >= 1, was " + sessions);
    }
    this.sessions = sessions;
  }

  @Override
  public String name() {
    return strategy.name();
  }

  @Override
  public List<Signal> evaluate(MarketView view) {
    List<Signal> out = new ArrayList<>();
    for (Signal s : strategy.evaluate(view)) {
      LocalDate by =
          addSessions(
              s.asOf().atZone(io.github.bsoptions.data.sim.SimulationConfig.NEW_YORK).toLocalDate(),
              sessions);
      ExitRules e = s.exit();
      if (by.isBefore(e.exitBy())) {
        s =
            new Signal(
                s.strategy(),
                s.underlying(),
                s.structure(),
                s.legs(),
                s.netPrice(),
                new ExitRules(e.profitTarget(), e.stopLoss(), by),
                s.confidence(),
                s.probabilityOfProfit(),
                s.expectedProfit(),
                s.maxLoss(),
                s.rationale() + "; held at most " + sessions + " session(s)",
                s.asOf());
      }
      out.add(s);
    }
    return out;
  }

  /** Returns the {@code n}-th weekday after {@code day}. */
  static LocalDate addSessions(LocalDate day, int n) {
    LocalDate d = day;
    for (int i = 0; i < n; ) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        i++;
      }
    }
    return d;
  }
}
