package io.github.bsoptions.exec.journal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server on loopback for tests: {@code initdb} into a temporary folder,
 * {@code pg_ctl start} on a free port, {@code pg_ctl stop} and delete on {@link #close()}. As root,
 * the server runs as the {@code postgres} user (initdb refuses root).
 */
final class LocalPostgres implements AutoCloseable {
  private static LocalPostgres shared;
  private static String sharedFailure;

  /**
   * Returns a server shared by every test of this JVM (started on first use, stopped at exit), or
   * null when no PostgreSQL binary exists (the reason is printed) — a binary that exists but fails
   * to start is an error, not a skip.
   */
  static synchronized LocalPostgres shared() {
    if (shared != null) {
      return shared;
    }
    if (sharedFailure != null) {
      throw new IllegalStateException(sharedFailure);
    }
    Optional<Path> bin = findBin();
    if (bin.isEmpty()) {
      System.out.println(
          "SKIP: no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install"
              + " postgresql)");
      return null;
    }
    try {
      shared = start(bin.get());
    } catch (IOException e) {
      sharedFailure = "cannot start PostgreSQL: " + e.getMessage();
      throw new IllegalStateException(sharedFailure, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    }
    LocalPostgres s = shared;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    s.close();
                  } catch (IOException e) {
                    // the JVM is exiting; the temporary folder may stay behind
                  }
                }));
    return shared;
  }

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;

  private LocalPostgres(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Returns the bin folder of the newest installed PostgreSQL, if any. */
  static Optional<Path> findBin() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.resolve("bin"))
          .filter(
              p ->
                  Files.isExecutable(p.resolve("initdb"))
                      && Files.isExecutable(p.resolve("pg_ctl")))
          .max(Comparator.comparing(p -> versionOf(p.getParent().getFileName().toString())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(String name) {
    try {
      return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static LocalPostgres start(Path bin) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("bs-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
    if (root) {
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()), 30);
    }
    pg.runPg(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync"),
        120);
    pg.runPg(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
            "start"),
        90);
    return pg;
  }

  /** Returns the JDBC URL of the {@code postgres} database. */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  private void runPg(List<String> cmd, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(cmd);
    run(full, timeoutSeconds);
  }

  private static void run(List<String> cmd, int timeoutSeconds)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + cmd);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "failed ("
              + p.exitValue()
              + "): "
              + cmd
              + "\n"
              + new String(out, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      runPg(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          60);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping PostgreSQL", e);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
