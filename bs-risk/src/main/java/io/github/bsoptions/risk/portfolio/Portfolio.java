package io.github.bsoptions.risk.portfolio;

import io.github.bsoptions.risk.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable book of positions (single legs, multi-leg structures sharing a {@link
 * Position#group()}, and underlyings).
 *
 * @param positions the positions, with unique ids
 */
public record Portfolio(List<Position> positions) {

  /** An empty portfolio. */
  public static final Portfolio EMPTY = new Portfolio(List.of());

  /** Validates (unique ids) and copies the list. */
  public Portfolio {
    Checks.notNull(positions, "positions");
    positions = List.copyOf(positions);
    Set<String> ids = new HashSet<>();
    for (Position p : positions) {
      if (!ids.add(p.id())) {
        throw new IllegalArgumentException("duplicate position id " + p.id());
      }
    }
  }

  /** Returns a portfolio of the given positions. */
  public static Portfolio of(Position... positions) {
    return new Portfolio(List.of(positions));
  }

  /** Returns true when the portfolio holds nothing. */
  public boolean isEmpty() {
    return positions.isEmpty();
  }

  /** Returns the number of positions. */
  public int size() {
    return positions.size();
  }

  /** Returns the underlyings held, sorted. */
  public Set<String> underlyings() {
    Set<String> out = new TreeSet<>();
    for (Position p : positions) {
      out.add(p.underlying());
    }
    return out;
  }

  /** Returns the positions by group, in first-seen order. */
  public Map<String, List<Position>> groups() {
    Map<String, List<Position>> out = new LinkedHashMap<>();
    for (Position p : positions) {
      out.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
    }
    return out;
  }

  /** Returns a portfolio with {@code extra} appended (ids must stay unique). */
  public Portfolio plus(List<Position> extra) {
    List<Position> all = new ArrayList<>(positions);
    all.addAll(extra);
    return new Portfolio(all);
  }
}
