package io.github.bsoptions.exec.order;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Order status and the legal status transitions (fills are handled by {@link OrderState#fill}).
 *
 * <p>Terminal statuses are {@link #FILLED}, {@link #CANCELED}, {@link #EXPIRED}, {@link #REJECTED}
 * and {@link #REPLACED}. Legal races are allowed: an order can fill before its acknowledgement
 * ({@code PENDING_NEW -> FILLED}), fill while a cancel is pending, and return from {@code
 * PENDING_CANCEL} or {@code PENDING_REPLACE} to its working status when the cancel or replace is
 * refused.
 */
public enum OrderStatus {
  /** Written to the journal / sent, no acknowledgement yet. */
  PENDING_NEW,
  /** Received by the broker, not yet routed. */
  ACCEPTED,
  /** Working at the venue. */
  NEW,
  /** Partly filled, the rest working. */
  PARTIALLY_FILLED,
  /** Completely filled (terminal). */
  FILLED,
  /** No more fills today; may resume next day. */
  DONE_FOR_DAY,
  /** Cancel requested. */
  PENDING_CANCEL,
  /** Replace requested. */
  PENDING_REPLACE,
  /** Canceled (terminal; fills that raced the cancel are still applied). */
  CANCELED,
  /** Expired (terminal). */
  EXPIRED,
  /** Refused by the broker (terminal). */
  REJECTED,
  /** Replaced by another order (terminal). */
  REPLACED;

  /** Returns true when no further status change can follow. */
  public boolean isTerminal() {
    return this == FILLED
        || this == CANCELED
        || this == EXPIRED
        || this == REJECTED
        || this == REPLACED;
  }

  /** Returns true when the order may still fill. */
  public boolean isOpen() {
    return !isTerminal();
  }

  /** Returns true when a fill may be applied in this status. */
  public boolean acceptsFill() {
    // CANCELED/EXPIRED: a fill that raced the cancel can arrive after it on the stream.
    return this != REJECTED && this != REPLACED && this != FILLED;
  }

  /** Returns the statuses reachable by a status event (not by a fill) from this one. */
  public Set<OrderStatus> next() {
    return Next.SETS.get(ordinal());
  }

  /** The legal successors, computed once (the state machine asks on every transition). */
  private static final class Next {
    static final List<Set<OrderStatus>> SETS = build();

    private static List<Set<OrderStatus>> build() {
      List<Set<OrderStatus>> out = new java.util.ArrayList<>();
      for (OrderStatus s : values()) {
        out.add(Collections.unmodifiableSet(s.computeNext()));
      }
      return List.copyOf(out);
    }
  }

  private Set<OrderStatus> computeNext() {
    return switch (this) {
      case PENDING_NEW -> EnumSet.of(ACCEPTED, NEW, REJECTED, CANCELED, EXPIRED, PENDING_CANCEL);
      case ACCEPTED -> EnumSet.of(NEW, REJECTED, CANCELED, EXPIRED, PENDING_CANCEL);
      case NEW, PARTIALLY_FILLED ->
          EnumSet.of(PENDING_CANCEL, PENDING_REPLACE, CANCELED, EXPIRED, DONE_FOR_DAY, REPLACED);
      case DONE_FOR_DAY -> EnumSet.of(NEW, PARTIALLY_FILLED, CANCELED, EXPIRED, PENDING_CANCEL);
      case PENDING_CANCEL -> EnumSet.of(CANCELED, EXPIRED, NEW, PARTIALLY_FILLED);
      case PENDING_REPLACE ->
          EnumSet.of(REPLACED, NEW, PARTIALLY_FILLED, CANCELED, EXPIRED, PENDING_CANCEL);
      case FILLED, CANCELED, EXPIRED, REJECTED, REPLACED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  /** Returns the wire name ({@code partially_filled}, ...). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name (case-insensitive); returns null for statuses outside this model (the caller
   * decides, never a silent default).
   */
  public static OrderStatus parseOrNull(String s) {
    if (s == null) {
      return null;
    }
    for (OrderStatus t : values()) {
      if (t.wire().equalsIgnoreCase(s)) {
        return t;
      }
    }
    return null;
  }
}
