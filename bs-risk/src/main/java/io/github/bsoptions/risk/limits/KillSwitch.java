package io.github.bsoptions.risk.limits;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread-safe kill switch: {@link TradingState#HALTED} denies every new order, {@link
 * TradingState#REDUCING} allows only position-reducing ones. The last change's reason is kept for
 * denial messages.
 */
public final class KillSwitch {
  private final AtomicReference<Status> status =
      new AtomicReference<>(new Status(TradingState.ACTIVE, "initial"));

  /** The state with the reason it was entered. */
  private record Status(TradingState state, String reason) {}

  /** Returns the current state. */
  public TradingState state() {
    return status.get().state();
  }

  /** Returns why the switch is in its current state. */
  public String reason() {
    return status.get().reason();
  }

  /** Denies every new order from now on. */
  public void halt(String reason) {
    set(TradingState.HALTED, reason);
  }

  /** Allows only position-reducing orders from now on. */
  public void reduceOnly(String reason) {
    set(TradingState.REDUCING, reason);
  }

  /** Returns to normal checking. */
  public void resume(String reason) {
    set(TradingState.ACTIVE, reason);
  }

  private void set(TradingState state, String reason) {
    status.set(new Status(state, Objects.requireNonNull(reason, "reason")));
  }
}
