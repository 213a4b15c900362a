package io.github.bsoptions.app.obs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
  @Test
  void jsonFormatWritesOneJsonObjectPerLine() throws Exception {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Logging.configure("json", "info");
      LoggerFactory.getLogger("bs.test").info("order {} accepted", "c-1");
    } finally {
      Logging.configure("text", "info");
      System.setErr(old);
    }
    String line =
        buf.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.contains("bs.test"))
            .findFirst()
            .orElseThrow();
    JsonNode n = new ObjectMapper().readTree(line);
    assertThat(n.get("level").asText()).isEqualTo("INFO");
    assertThat(n.get("loggerName").asText()).isEqualTo("bs.test");
    assertThat(n.get("formattedMessage").asText()).isEqualTo("order c-1 accepted");
  }
}
