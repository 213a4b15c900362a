package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.Main;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The trading-loop commands expose the options they always had, and an option that {@code bs run}
 * and {@code bs demo} both take is declared once (in a mixin) unless its wording differs.
 */
class CommandOptionsTest {
  /** Options both commands take with their own description (see {@link LoopOptions}). */
  static final Set<String> WORDED_PER_COMMAND = Set.of("--seed", "--step-minutes", "--dashboard");

  static Map<String, OptionSpec> options(String command) {
    CommandLine cl = Main.commandLine().getSubcommands().get(command);
    Map<String, OptionSpec> out = new TreeMap<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (!o.usageHelp()) {
        out.put(o.longestName(), o);
      }
    }
    return out;
  }

  static Class<?> declaredIn(OptionSpec o) {
    return ((Field) o.userObject()).getDeclaringClass();
  }

  @Test
  void optionNamesAreUnchanged() {
    assertThat(options("run").keySet())
        .containsExactlyInAnyOrder(
            "--broker",
            "--cash",
            "--config",
            "--confirm-live",
            "--cycles",
            "--dashboard",
            "--duration",
            "--interval",
            "--ml",
            "--outside-hours",
            "--output",
            "--port",
            "--rate",
            "--replay",
            "--seed",
            "--set",
            "--source",
            "--state-dir",
            "--step-minutes");
    assertThat(options("demo").keySet())
        .containsExactlyInAnyOrder(
            "--config",
            "--dashboard",
            "--days",
            "--ml",
            "--output",
            "--port",
            "--record",
            "--seed",
            "--step-minutes");
    assertThat(options("backtest").keySet())
        .containsExactlyInAnyOrder("--cash", "--config", "--ml", "--output", "--rate", "--replay");
  }

  @Test
  void optionsRunAndDemoShareAreDeclaredOnce() {
    Map<String, OptionSpec> run = options("run");
    Map<String, OptionSpec> demo = options("demo");
    Set<String> shared = new TreeSet<>(run.keySet());
    shared.retainAll(demo.keySet());
    assertThat(shared)
        .containsExactlyInAnyOrder(
            "--config", "--dashboard", "--ml", "--output", "--port", "--seed", "--step-minutes");
    for (String name : shared) {
      OptionSpec r = run.get(name);
      OptionSpec d = demo.get(name);
      if (WORDED_PER_COMMAND.contains(name)) {
        assertThat(Arrays.asList(r.description()))
            .as(name)
            .isNotEqualTo(Arrays.asList(d.description()));
        continue;
      }
      assertThat(declaredIn(r))
          .as(name)
          .isEqualTo(declaredIn(d))
          .isNotIn(RunCommand.class, DemoCommand.class);
      assertThat(r.description()).as(name).containsExactly(d.description());
      assertThat(r.defaultValue()).as(name).isEqualTo(d.defaultValue());
      assertThat(r.paramLabel()).as(name).isEqualTo(d.paramLabel());
      assertThat(r.negatable()).as(name).isEqualTo(d.negatable());
    }
    assertThat(declaredIn(run.get("--ml"))).isEqualTo(LoopOptions.class);
    assertThat(declaredIn(run.get("--port"))).isEqualTo(LoopOptions.class);
  }

  @Test
  void loopOptionsParseAsBefore() {
    LoopOptions o = new LoopOptions();
    new CommandLine(o).parseArgs("--no-ml", "--port", "9090");
    assertThat(o.ml).isFalse();
    assertThat(o.port).isEqualTo(9090);
    LoopOptions d = new LoopOptions();
    new CommandLine(d).parseArgs();
    assertThat(d.ml).isTrue();
    assertThat(d.port).isNull();
  }

  @Test
  void everyCommandAnswersHelp() {
    for (Map.Entry<String, CommandLine> e : Main.commandLine().getSubcommands().entrySet()) {
      java.io.StringWriter out = new java.io.StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setOut(new java.io.PrintWriter(out));
      assertThat(cl.execute(e.getKey(), "--help")).as(e.getKey()).isZero();
      assertThat(out.toString()).as(e.getKey()).contains("Usage: bs " + e.getKey());
    }
  }
}
