package io.github.bsoptions.signals.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Discovers {@link Strategy} implementations registered with {@link ServiceLoader}. */
public final class Strategies {
  private Strategies() {}

  /** Returns every registered strategy (built-ins with their default settings first). */
  public static List<Strategy> discover() {
    List<Strategy> out = new ArrayList<>();
    ServiceLoader.load(Strategy.class, Strategies.class.getClassLoader()).forEach(out::add);
    return List.copyOf(out);
  }

  /** Returns the registered strategy with that name. */
  public static Strategy byName(String name) {
    List<String> names = new ArrayList<>();
    for (Strategy s : discover()) {
      if (s.name().equals(name)) {
        return s;
      }
      names.add(s.name());
    }
    throw new IllegalArgumentException("strategy '" + name + "' not found; known: " + names);
  }
}
