package io.github.bsoptions.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The application's configuration: defaults, overridden by a YAML file, overridden by environment
 * variables ({@link ConfigKey#envVar()}). Secrets come only from the environment, and {@link
 * #toString()} never shows them.
 *
 * <p>YAML may nest or dot its keys: {@code db: {url: ...}} and {@code db.url: ...} are the same.
 * Unknown keys are an error (a typo must not silently fall back to a default).
 */
public final class AppConfig {
  private final Map<ConfigKey, String> values;
  private final Map<ConfigKey, String> origins;

  private AppConfig(Map<ConfigKey, String> values, Map<ConfigKey, String> origins) {
    this.values = values;
    this.origins = origins;
  }

  /** Returns the defaults overridden by the process environment. */
  public static AppConfig fromEnvironment() {
    return load(null, System::getenv);
  }

  /**
   * Loads the configuration.
   *
   * @param yaml the YAML file, or null for none
   * @param env the environment lookup (usually {@code System::getenv}); returns null when unset
   * @throws ConfigException listing every invalid key or value
   */
  public static AppConfig load(Path yaml, UnaryOperator<String> env) {
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    Map<ConfigKey, String> origins = new EnumMap<>(ConfigKey.class);
    List<String> problems = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      values.put(k, k.defaultValue());
      origins.put(k, "default");
    }
    if (yaml != null) {
      Map<String, String> flat = new java.util.LinkedHashMap<>();
      try (InputStream in = Files.newInputStream(yaml)) {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root != null && !root.isNull() && !root.isMissingNode()) {
          if (!root.isObject()) {
            problems.add(yaml + ": top level must be a mapping of keys");
          } else {
            flatten("", root, flat, problems);
          }
        }
      } catch (IOException e) {
        problems.add(yaml + ": cannot read YAML (" + e.getClass().getSimpleName() + ")");
      }
      for (Map.Entry<String, String> e : flat.entrySet()) {
        Optional<ConfigKey> k = ConfigKey.byKey(e.getKey());
        if (k.isEmpty()) {
          problems.add("unknown key '" + e.getKey() + "' in " + yaml);
        } else if (k.get().secret()) {
          problems.add(
              "secret key '"
                  + e.getKey()
                  + "' must not be in a file; set "
                  + k.get().envVar()
                  + " instead");
        } else {
          values.put(k.get(), e.getValue());
          origins.put(k.get(), yaml.toString());
        }
      }
    }
    for (ConfigKey k : ConfigKey.values()) {
      String v = env.apply(k.envVar());
      if (v != null) {
        values.put(k, v.strip());
        origins.put(k, "env " + k.envVar());
      }
    }
    AppConfig c = new AppConfig(values, origins);
    problems.addAll(c.validate());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return c;
  }

  private static void flatten(
      String prefix, JsonNode node, Map<String, String> out, List<String> problems) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(key, v, out, problems);
      } else if (v.isArray()) {
        List<String> items = new ArrayList<>();
        v.forEach(x -> items.add(x.asText()));
        out.put(key, String.join(",", items));
      } else if (v.isNull()) {
        out.put(key, "");
      } else {
        out.put(key, v.asText());
      }
    }
  }

  private List<String> validate() {
    List<String> p = new ArrayList<>();
    String fmt = get(ConfigKey.LOG_FORMAT);
    if (!fmt.equals("text") && !fmt.equals("json")) {
      p.add("log.format must be text or json, was '" + fmt + "'");
    }
    String level = get(ConfigKey.LOG_LEVEL).toUpperCase(Locale.ROOT);
    if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(level)) {
      p.add("log.level must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, was '" + level + "'");
    }
    intIn(p, ConfigKey.DASHBOARD_PORT, 0, 65535);
    try {
      Long.parseLong(get(ConfigKey.SEED));
    } catch (NumberFormatException e) {
      p.add("seed must be an integer, was '" + get(ConfigKey.SEED) + "'");
    }
    String db = get(ConfigKey.DB_URL);
    if (!db.isEmpty() && !db.startsWith("jdbc:h2:") && !db.startsWith("jdbc:postgresql:")) {
      p.add("db.url must start with jdbc:h2: or jdbc:postgresql:, was '" + db + "'");
    }
    String influx = get(ConfigKey.INFLUX_URL);
    if (!influx.isEmpty() && !influx.startsWith("http://") && !influx.startsWith("https://")) {
      p.add("influx.url must be an http(s) URL, was '" + influx + "'");
    }
    if (get(ConfigKey.OUTPUT_DIR).isBlank()) {
      p.add("output.dir must not be empty");
    }
    return p;
  }

  private void intIn(List<String> p, ConfigKey k, int lo, int hi) {
    String v = get(k);
    try {
      int i = Integer.parseInt(v);
      if (i < lo || i > hi) {
        p.add(k.key() + " must be in [" + lo + ", " + hi + "], was " + i);
      }
    } catch (NumberFormatException e) {
      p.add(k.key() + " must be an integer, was '" + v + "'");
    }
  }

  /** Returns the value of a key (never null; empty when unset). */
  public String get(ConfigKey key) {
    return values.get(key);
  }

  /** Returns the value of a key as an int (validated at load time for int keys). */
  public int getInt(ConfigKey key) {
    return Integer.parseInt(get(key));
  }

  /** Returns the value of a key as a long. */
  public long getLong(ConfigKey key) {
    return Long.parseLong(get(key));
  }

  /** Returns where a key's value came from: {@code default}, the YAML path or {@code env VAR}. */
  public String origin(ConfigKey key) {
    return origins.get(key);
  }

  /** Returns the output folder. */
  public Path outputDir() {
    return Path.of(get(ConfigKey.OUTPUT_DIR));
  }

  /** Returns a copy with one key replaced (for command-line options, which win over all). */
  public AppConfig with(ConfigKey key, String value) {
    Map<ConfigKey, String> v = new EnumMap<>(values);
    Map<ConfigKey, String> o = new EnumMap<>(origins);
    v.put(key, value);
    o.put(key, "command line");
    AppConfig c = new AppConfig(v, o);
    List<String> problems = c.validate();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return c;
  }

  /** Lists every key with its value (secrets shown only as set or unset) and origin. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("AppConfig{");
    for (ConfigKey k : ConfigKey.values()) {
      String v = values.get(k);
      String shown = k.secret() ? (v.isEmpty() ? "<unset>" : "<set>") : v;
      sb.append(k.key()).append('=').append(shown).append(", ");
    }
    sb.setLength(sb.length() - 2);
    return sb.append('}').toString();
  }
}
