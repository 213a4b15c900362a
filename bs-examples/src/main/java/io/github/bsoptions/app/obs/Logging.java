package io.github.bsoptions.app.obs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets up Logback at start-up from {@code log.format} and {@code log.level}. */
public final class Logging {
  private Logging() {}

  /**
   * Replaces the root appender with a stderr console appender in the given format.
   *
   * @param format {@code text} or {@code json} (one JSON object per line, Logback's JsonEncoder)
   * @param level root level name
   */
  public static void configure(String format, String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return; // another SLF4J binding: leave it alone
    }
    Encoder<ILoggingEvent> encoder;
    switch (format) {
      case "json" -> {
        JsonEncoder json = new JsonEncoder();
        json.setContext(ctx);
        json.setWithFormattedMessage(true);
        json.start();
        encoder = json;
      }
      case "text" -> {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(ctx);
        text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        text.start();
        encoder = text;
      }
      default -> throw new IllegalArgumentException("format must be text or json, was " + format);
    }
    ConsoleAppender<ILoggingEvent> app = new ConsoleAppender<>();
    app.setContext(ctx);
    app.setName("STDERR");
    app.setTarget("System.err");
    app.setEncoder(encoder);
    app.start();
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(app);
    root.setLevel(Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO));
  }
}
