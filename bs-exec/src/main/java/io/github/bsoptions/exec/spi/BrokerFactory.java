package io.github.bsoptions.exec.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Creates brokers; implementations are discovered with {@link ServiceLoader} (declared in {@code
 * META-INF/services}).
 */
public interface BrokerFactory {

  /** Returns the names this factory serves (e.g. {@code paper}, {@code alpaca-paper}). */
  List<String> names();

  /** Creates the broker called {@code name}. */
  BrokerClient create(String name, BrokerContext context);

  /** Returns every discovered factory. */
  static List<BrokerFactory> discover() {
    List<BrokerFactory> out = new ArrayList<>();
    ServiceLoader.load(BrokerFactory.class, BrokerFactory.class.getClassLoader()).forEach(out::add);
    return out;
  }

  /**
   * Creates the broker called {@code name} with the first factory that serves it.
   *
   * @throws IllegalArgumentException naming the broker when no factory serves it
   */
  static BrokerClient createBroker(String name, BrokerContext context) {
    List<String> known = new ArrayList<>();
    for (BrokerFactory f : discover()) {
      if (f.names().contains(name)) {
        return f.create(name, context);
      }
      known.addAll(f.names());
    }
    throw new IllegalArgumentException("broker '" + name + "' not found; known: " + known);
  }
}
