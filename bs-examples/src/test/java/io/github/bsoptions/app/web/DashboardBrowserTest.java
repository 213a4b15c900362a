package io.github.bsoptions.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.obs.Stage;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end in headless Chromium: every page loads without console errors, tables
 * fill, charts draw on their canvas, and a live update published after load arrives. Skipped with a
 * printed reason only when Chromium or chromedriver is absent.
 */
class DashboardBrowserTest {
  private static final File CHROMIUM =
      firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final File DRIVER =
      firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private static LiveDashboardState state;
  private static AppMetrics metrics;
  private static DashboardServer server;
  private static ChromeDriver driver;

  private static File firstExisting(String... paths) {
    for (String p : paths) {
      File f = new File(p);
      if (f.canExecute()) {
        return f;
      }
    }
    return null;
  }

  @BeforeAll
  static void start() throws Exception {
    if (CHROMIUM == null || DRIVER == null) {
      String reason =
          "SKIP: headless browser test needs Debian's chromium and chromium-driver"
              + " (apt-get install chromium chromium-driver)";
      System.out.println(reason);
      Assumptions.abort(reason);
    }
    state = new LiveDashboardState();
    metrics = new AppMetrics();
    long now = System.currentTimeMillis();
    state.publishChain(SampleMarket.chain(now));
    state.publishSurface(SampleMarket.surface(now));
    state.publishSignals(
        List.of(
            new Views.Signal(
                now,
                "SPY260401C00505000",
                "ntm-score",
                "LONG",
                0.82,
                0.57,
                "top score, tight spread"),
            new Views.Signal(
                now - 1000,
                "SPY260401P00495000",
                "ntm-score",
                "SHORT",
                0.61,
                Double.NaN,
                "rich IV")));
    state.publishPortfolio(SampleMarket.portfolio(now, "SPY260401C00505000", 2));
    for (int i = 0; i < 50; i++) {
      state.appendEquity(
          new Views.EquityPoint(
              now - (50 - i) * 60_000L,
              100_000 + 40 * Math.sin(i / 5.0) + 3 * i,
              3 * i,
              40 * Math.sin(i / 5.0)));
    }
    for (int i = 1; i <= 500; i++) {
      metrics.latency().record(Stage.DATA_ACQUISITION, 20_000L * i);
      metrics.latency().record(Stage.END_TO_END, 30_000L * i);
    }
    metrics.latency().recordPerItem(Stage.PRICING_PER_OPTION, 2_000_000, 10_000);
    state.publishLatency(metrics.latency().snapshot());
    state.publishHealth(
        List.of(
            new Views.Health("simulated", "source", "UP", "seed 42", now),
            new Views.Health("paper", "broker", "UP", "", now)));
    state.publishBacktest(
        new Views.Backtest(
            "sample",
            now,
            0.042,
            1.3,
            0.021,
            0.56,
            120,
            3.4,
            2.5e7,
            List.of(
                new Views.EquityPoint(now - 86_400_000L, 100_000, 0, 0),
                new Views.EquityPoint(now, 104_200, 4200, 0))));
    server = DashboardServer.start("127.0.0.1", 0, "", state, metrics);

    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM);
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService svc =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    driver = new ChromeDriver(svc, o);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  private static void open(String page) {
    driver.get(server.url() + page);
    await().until(d -> d.findElement(By.id("live")).getText().equals("live"));
  }

  /** Saves a screenshot under target/ for people to look at (not asserted). */
  private static void screenshot(String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "dashboard-screenshots");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(
          dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      System.out.println("screenshot not saved: " + e);
    }
  }

  private static int rows(String table) {
    return driver.findElements(By.cssSelector("#" + table + " tbody tr:not(.empty)")).size();
  }

  private static long paintedPixels(String canvas) {
    Object n =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const c = document.getElementById(arguments[0]);"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;",
                canvas);
    return ((Number) n).longValue();
  }

  private static long points(String canvas) {
    Object n =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const ch = Chart.getChart(arguments[0]); if (!ch) return 0;"
                    + "return ch.data.datasets.reduce((a, d) => a + d.data.filter(v => v !== null).length, 0);",
                canvas);
    return ((Number) n).longValue();
  }

  private static List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  @Test
  void everyPageLoadsFillsItsTablesAndDrawsItsCharts() {
    open("");
    await().until(d -> rows("chain-table") == 24 && rows("signals-table") == 2);
    await().until(d -> points("smile-chart") > 50 && points("term-chart") == 4);
    assertThat(paintedPixels("smile-chart")).isGreaterThan(1000);
    assertThat(paintedPixels("term-chart")).isGreaterThan(1000);
    assertThat(driver.findElement(By.cssSelector("#chain-table tbody tr td")).getText())
        .startsWith("SPY");
    assertThat(consoleErrors()).isEmpty();

    open("portfolio.html");
    await().until(d -> rows("positions-table") == 1 && points("equity-chart") >= 100);
    assertThat(paintedPixels("equity-chart")).isGreaterThan(1000);
    assertThat(consoleErrors()).isEmpty();
    screenshot("portfolio");

    open("system.html");
    await().until(d -> rows("latency-table") == 6 && rows("health-table") == 2);
    assertThat(driver.findElement(By.id("latency-table")).getText())
        .contains("pricing per option")
        .contains("OVER");
    assertThat(paintedPixels("latency-chart")).isGreaterThan(1000);
    assertThat(consoleErrors()).isEmpty();
    screenshot("system");

    open("backtest.html");
    await().until(d -> rows("backtest-table") == 7 && points("backtest-chart") == 2);
    assertThat(driver.findElement(By.id("backtest-table")).getText()).contains("25,000,000");
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void aLiveUpdateArrivesAfterThePageLoaded() {
    open("portfolio.html");
    await().until(d -> rows("positions-table") == 1);
    long before = points("equity-chart");
    state.publishPortfolio(
        SampleMarket.portfolio(System.currentTimeMillis(), "SPY260501C00510000", -4));
    state.appendEquity(new Views.EquityPoint(System.currentTimeMillis(), 100_321, 10, 11));
    await()
        .until(
            d -> d.findElement(By.id("positions-table")).getText().contains("SPY260501C00510000"));
    await().until(d -> points("equity-chart") == before + 2);
    assertThat(driver.findElement(By.id("equity-meta")).getText()).contains("100321.00");
    assertThat(consoleErrors()).isEmpty();
  }
}
