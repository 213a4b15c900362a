package io.github.bsoptions.bench;

import io.github.bsoptions.pricing.backend.BackendInfo;
import io.github.bsoptions.pricing.backend.PricingBackends;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./bs bench [--quick] [--format table|csv] [--include REGEX] [--threads N] [--cores
 * 1|all|1,all]}: runs the JMH benchmarks for every available backend in one JVM and prints {@code
 * backend,operation,batch,mops_per_s}. {@code --cores} (default 1) sets how many cores one batch
 * may use; rows measured on all cores show the backend as {@code name@all}.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Runs the benchmarks. */
  public static void main(String[] args) throws RunnerException {
    boolean quick = false;
    String format = "table";
    String include = BackendBench.class.getSimpleName();
    int threads = 1;
    String cores = "1";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          quick = true;
          break;
        case "--format":
          format = args[++i].toLowerCase(Locale.ROOT);
          break;
        case "--include":
          include = args[++i];
          break;
        case "--threads":
          threads = Integer.parseInt(args[++i]);
          break;
        case "--cores":
          cores = args[++i];
          break;
        case "-h":
        case "--help":
          System.out.println(
              "usage: bs bench [--quick] [--format table|csv] [--include REGEX] [--threads N]"
                  + " [--cores 1|all|1,all]");
          return;
        default:
          System.err.println("unknown option " + args[i]);
          System.exit(2);
      }
    }
    List<String> backends = new ArrayList<>();
    for (BackendInfo info : PricingBackends.describe()) {
      if (info.availability().available()) {
        backends.add(info.name());
      } else {
        System.err.println("backend " + info.name() + " skipped: " + info.availability().reason());
      }
    }
    ChainedOptionsBuilder opts =
        new OptionsBuilder()
            .include(include)
            .param("backend", backends.toArray(String[]::new))
            .param("cores", cores.split(","))
            .threads(threads)
            .forks(1)
            .jvmArgsAppend("--add-modules=jdk.incubator.vector", "-Xmx4g")
            .shouldFailOnError(true);
    if (quick) {
      opts.warmupIterations(2)
          .warmupTime(TimeValue.milliseconds(400))
          .measurementIterations(3)
          .measurementTime(TimeValue.milliseconds(500));
    } else {
      opts.warmupIterations(3)
          .warmupTime(TimeValue.seconds(2))
          .measurementIterations(5)
          .measurementTime(TimeValue.seconds(2));
    }
    Collection<RunResult> results = new Runner(opts.build()).run();
    print(results, format, System.out);
  }

  static void print(Collection<RunResult> results, String format, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      String op = label.substring(label.lastIndexOf('.') + 1);
      String bench = label.substring(0, label.lastIndexOf('.'));
      bench = bench.substring(bench.lastIndexOf('.') + 1);
      String backend = param(r, "backend", bench);
      if (param(r, "cores", "1").equals("all")) {
        backend += "@all";
      }
      int batch = Integer.parseInt(param(r, "batch", "1"));
      double score = r.getPrimaryResult().getScore();
      double err = r.getPrimaryResult().getScoreError();
      rows.add(
          new String[] {
            backend,
            op,
            Integer.toString(batch),
            String.format(Locale.ROOT, "%.3f", score * batch / 1e6),
            String.format(Locale.ROOT, "%.3f", Double.isNaN(err) ? 0 : err * batch / 1e6)
          });
    }
    if (format.equals("csv")) {
      out.println("backend,operation,batch,mops_per_s");
      for (String[] row : rows) {
        out.println(String.join(",", row[0], row[1], row[2], row[3]));
      }
      return;
    }
    out.printf(
        Locale.ROOT,
        "%-10s %-16s %9s %14s %10s%n",
        "backend",
        "operation",
        "batch",
        "M options/s",
        "± error");
    for (String[] row : rows) {
      out.printf(Locale.ROOT, "%-10s %-16s %9s %14s %10s%n", (Object[]) row);
    }
    out.println(
        rows.stream()
            .map(r -> r[0])
            .distinct()
            .collect(Collectors.joining(", ", "backends: ", "")));
  }

  private static String param(RunResult r, String key, String fallback) {
    String v = r.getParams().getParam(key);
    return v == null ? fallback : v;
  }
}
